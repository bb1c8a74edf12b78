package app.leadgen.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs a stage's tasks a few at a time, bound to the run's cancellation (a pipeline stage's calls). */
public final class Parallel {

    private Parallel() {}

    /**
     * Runs {@code task} for every item with at most {@code parallelism} at once and waits for all,
     * unless the run is cancelled: then it stops waiting at once (tasks in flight end on their own).
     */
    public static <T> void forEach(
            String name, int parallelism, List<T> items, Cancellation cancellation, Consumer<T> task) {
        if (items.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()), threads(name));
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(CompletableFuture.runAsync(() -> cancellation.runBound(() -> task.accept(item)), pool));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
            while (!cancellation.cancelled()) {
                try {
                    all.get(100, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException stillWorking) {
                    // check the cancellation again
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
