package app.leadgen.support;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

/**
 * Builds Hibernate's entity manager factory when the JPA layer is first used, not at start-up
 * (about half of the start-up time on two cores, see docs/benchmarks.md).
 *
 * <p>Lazy initialisation alone does not do it: Spring builds every {@code LoadTimeWeaverAware}
 * bean before the others so that it could register class transformers, and Boot's {@code
 * LocalContainerEntityManagerFactoryBean} is one. The app has no load-time weaver ("No
 * LoadTimeWeaver setup: ignoring JPA class transformer"), so that early start buys nothing. This
 * post-processor declares the bean's type as what it produces, a {@code
 * FactoryBean<EntityManagerFactory>}, so it is no longer found as {@code LoadTimeWeaverAware} and
 * stays lazy like every other bean; lookups by {@code EntityManagerFactory} find it as before.
 * The repositories are lazy too ({@code spring.data.jpa.repositories.bootstrap-mode=lazy}).
 */
@Configuration(proxyBeanMethods = false)
class JpaOnFirstUse {

    static final String ENTITY_MANAGER_FACTORY = "entityManagerFactory";

    @Bean
    static BeanFactoryPostProcessor entityManagerFactoryOnFirstUse() {
        return beanFactory -> {
            if (beanFactory.containsBeanDefinition(ENTITY_MANAGER_FACTORY)
                    && beanFactory.getBeanDefinition(ENTITY_MANAGER_FACTORY) instanceof RootBeanDefinition definition
                    && definition.isLazyInit()) {
                definition.setTargetType(
                        ResolvableType.forClassWithGenerics(FactoryBean.class, EntityManagerFactory.class));
                definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, EntityManagerFactory.class);
            }
        };
    }
}
