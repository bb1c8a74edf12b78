package app.leadgen.support;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The app starts lazily ({@code spring.main.lazy-initialization=true}): a bean is built when it is
 * first needed, so the JPA layer, the HTTP clients and the exports cost nothing until used. Built
 * during start-up all the same:
 *
 * <ul>
 *   <li>Flyway's migration: a database that cannot be migrated fails the start instead of the first
 *       request.
 *   <li>The app's own {@code @ConfigurationProperties}: a malformed setting (say {@code
 *       APIFY_READ_TIMEOUT=fast}) fails the start, not the first run that reads it.
 * </ul>
 *
 * Beans with an {@code @EventListener} for {@code ApplicationReadyEvent} need nothing here: Spring
 * builds them when the event arrives, right after the web server has started. That is how JobRunr's
 * starter (which starts the background job server, creating JobRunr's tables first) and the schedule
 * registration run; a run posted in the second before the job server is up waits in the queue.
 */
@Configuration(proxyBeanMethods = false)
class EagerBeans {

    @Bean
    static LazyInitializationExcludeFilter startWithTheApp() {
        return (name, definition, type) -> type != null
                && (FlywayMigrationInitializer.class.isAssignableFrom(type)
                        || (type.getName().startsWith("app.leadgen.")
                                && AnnotatedElementUtils.hasAnnotation(type, ConfigurationProperties.class)));
    }
}
