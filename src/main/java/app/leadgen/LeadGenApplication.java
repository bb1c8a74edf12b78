package app.leadgen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadGenApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadGenApplication.class, args);
    }
}
