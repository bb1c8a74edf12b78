package app.leadgen.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against PostgreSQL instead of H2. Every class with this annotation shares one
 * database and, where the rest of its configuration is the same, one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextConfiguration(initializers = OnPostgres.Initializer.class)
public @interface OnPostgres {

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPostgres.Database db = TestPostgres.database();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "test-postgres",
                            java.util.Map.of(
                                    "spring.datasource.url", db.url(),
                                    "spring.datasource.username", db.username(),
                                    "spring.datasource.password", db.password())));
        }
    }
}
