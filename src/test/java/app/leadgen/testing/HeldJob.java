package app.leadgen.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestComponent;

/**
 * A JobRunr job that stays PROCESSING until the test lets it go (at most a minute, so a failed test
 * never keeps a worker): a job that is alive without being a run's own worker. A bean of the shared
 * test configuration ({@link IntegrationTest}), because JobRunr takes a job's object from Spring:
 * {@code jobs.<HeldJob>enqueue(h -> h.hold())}.
 */
@TestComponent
public class HeldJob {

    private static volatile CountDownLatch release = new CountDownLatch(0);

    /** From now on, {@link #hold()} waits until {@link #release()}. */
    public static void arm() {
        release = new CountDownLatch(1);
    }

    public static void release() {
        release.countDown();
    }

    public void hold() throws InterruptedException {
        release.await(60, TimeUnit.SECONDS);
    }
}
