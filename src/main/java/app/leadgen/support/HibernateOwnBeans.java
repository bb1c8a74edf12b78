package app.leadgen.support;

import org.hibernate.resource.beans.container.spi.BeanContainer;
import org.hibernate.resource.beans.container.spi.ContainedBean;
import org.hibernate.resource.beans.spi.BeanInstanceProducer;

/**
 * Hibernate's bean container when Spring Boot runs it: Hibernate makes its helper objects itself
 * (its fallback producer), as it does outside Spring, and never asks the Spring bean factory.
 *
 * <p>Why: Hibernate is built on a background thread after start-up ({@link JpaOnDemand}) while another
 * thread may be creating a bean that waits for Hibernate, holding the bean factory's lock; a bean
 * lookup from the build would then wait for that thread, and both would wait forever. Spring's own
 * container is only needed for attribute converters and entity listeners that are Spring beans, and
 * the app has none. Named in application.properties ({@code
 * spring.jpa.properties.hibernate.resource.beans.container}).
 */
public final class HibernateOwnBeans implements BeanContainer {

    public HibernateOwnBeans() {}

    @Override
    public <B> ContainedBean<B> getBean(Class<B> type, LifecycleOptions options, BeanInstanceProducer producer) {
        return contained(type, producer.produceBeanInstance(type));
    }

    @Override
    public <B> ContainedBean<B> getBean(
            String name, Class<B> type, LifecycleOptions options, BeanInstanceProducer producer) {
        return contained(type, producer.produceBeanInstance(name, type));
    }

    @Override
    public void stop() {}

    private static <B> ContainedBean<B> contained(Class<B> type, B instance) {
        return new ContainedBean<>() {
            @Override
            public Class<B> getBeanClass() {
                return type;
            }

            @Override
            public B getBeanInstance() {
                return instance;
            }
        };
    }
}
