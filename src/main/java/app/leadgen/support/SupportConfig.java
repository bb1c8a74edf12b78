package app.leadgen.support;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SupportConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
