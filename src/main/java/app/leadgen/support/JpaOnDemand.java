package app.leadgen.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.SessionFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jpa.EntityManagerFactoryBuilder;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Hibernate's entity manager factory is built when JPA is first used or, at the latest, on a
 * background thread once the app has started, instead of on the main thread during start-up
 * (about a third of the start, see docs/benchmarks.md "Start-up time and memory").
 *
 * <p>Spring builds every {@code LoadTimeWeaverAware} bean early, lazy initialisation or not, so the
 * factory bean itself is always created with the context. What Spring lets us choose is where its
 * expensive part, Hibernate's bootstrap, runs: the factory bean hands it to a bootstrap executor and
 * waits for the returned {@link Future}. This executor starts nothing by itself: a background
 * thread starts the build {@code leadgen.jpa.warm-up-delay} after the ready event (so the first
 * requests after a start, such as the browser opening the page, do not share the CPU with it), and
 * a caller that needs the factory before that runs the build on its own thread (so nothing waits
 * for a thread that never comes). Spring's factory bean
 * also asks for the factory at the end of the context refresh, only to wait for a background build;
 * before the ready event that question is answered with a stand-in that builds the real factory on
 * its first real use.
 */
@Configuration(proxyBeanMethods = false)
class JpaOnDemand {

    /**
     * Not a bean itself: an {@code Executor} bean would make Spring Boot leave out its own task
     * executor, which {@code @Async} listeners run on.
     */
    @Bean
    static JpaWarmUp jpaWarmUp(Environment environment) {
        return new JpaWarmUp(new OnDemandExecutor(
                environment.getProperty("leadgen.jpa.warm-up-delay", Duration.class, Duration.ofSeconds(2))));
    }

    static final class JpaWarmUp
            implements EntityManagerFactoryBuilderCustomizer, ApplicationListener<ApplicationReadyEvent> {

        private final OnDemandExecutor executor;

        JpaWarmUp(OnDemandExecutor executor) {
            this.executor = executor;
        }

        @Override
        public void customize(EntityManagerFactoryBuilder builder) {
            builder.setBootstrapExecutor(executor);
        }

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            executor.ready();
        }
    }

    static final class OnDemandExecutor implements AsyncTaskExecutor {

        private final List<OnDemandTask<?>> tasks = new CopyOnWriteArrayList<>();
        private final Duration warmUpDelay;

        OnDemandExecutor(Duration warmUpDelay) {
            this.warmUpDelay = warmUpDelay;
        }

        @Override
        public void execute(Runnable task) {
            submit(Executors.callable(task));
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            OnDemandTask<T> onDemand = new OnDemandTask<>(task);
            tasks.add(onDemand);
            return onDemand;
        }

        void ready() {
            for (OnDemandTask<?> task : tasks) {
                task.ready();
                Thread thread = new Thread(() -> warmUp(task), "jpa-bootstrap");
                thread.setDaemon(true);
                thread.start();
            }
        }

        private void warmUp(OnDemandTask<?> task) {
            try {
                Thread.sleep(warmUpDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.runOnce();
        }
    }

    /** A task that runs once, on the thread that asks for it first. */
    static final class OnDemandTask<T> implements Future<T> {

        private final FutureTask<T> work;
        private final AtomicBoolean started = new AtomicBoolean();
        private volatile boolean ready;

        OnDemandTask(Callable<T> task) {
            this.work = new FutureTask<>(task);
        }

        void ready() {
            ready = true;
        }

        boolean isStarted() {
            return started.get();
        }

        void runOnce() {
            if (started.compareAndSet(false, true)) {
                work.run();
            }
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            if (!ready && !started.get()) {
                return standIn();
            }
            return built();
        }

        private T built() throws InterruptedException, ExecutionException {
            runOnce();
            return work.get();
        }

        @SuppressWarnings("unchecked")
        private T standIn() {
            return (T) Proxy.newProxyInstance(
                    SessionFactory.class.getClassLoader(),
                    new Class<?>[] {SessionFactory.class},
                    (proxy, method, args) -> {
                        if (!started.get() && method.getName().equals("close")) {
                            return null; // never built, nothing to close
                        }
                        try {
                            return method.invoke(built(), args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            runOnce();
            return work.get(timeout, unit);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return work.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return work.isCancelled();
        }

        @Override
        public boolean isDone() {
            return work.isDone();
        }
    }
}
