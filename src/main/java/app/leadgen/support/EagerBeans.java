package app.leadgen.support;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

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
 *   <li>The list of JPA entities ({@code PersistenceManagedTypes}): it is found by scanning the
 *       class path, and a scan during start-up reuses the start-up's cached list of the jar's
 *       entries, which Spring drops when the start-up ends. Scanned at the first use of JPA, the
 *       list of all 90,000 entries of target/leadgen.jar would be read again and stay cached for
 *       the life of the process (about 15 MB of heap).
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
                        || PersistenceManagedTypes.class.isAssignableFrom(type)
                        || (type.getName().startsWith("app.leadgen.")
                                && AnnotatedElementUtils.hasAnnotation(type, ConfigurationProperties.class)));
    }
}
