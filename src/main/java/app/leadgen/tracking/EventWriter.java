package app.leadgen.tracking;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes opens and clicks behind the request (group commit): a request puts its event into a bounded
 * queue and answers at once; one writer thread takes whatever has gathered within {@value #LINGER_MILLIS} ms
 * — one event when it is quiet, up to {@value #BATCH} under load — and writes it with one batched insert and one commit
 * ({@link EventBatch}). A request then costs no database round trip, which is what lets the pixel and
 * the redirect answer at the speed of the web server (docs/benchmarks.md, "Tracking endpoints").
 *
 * <p>This is not background work in the sense of jobs (those run on JobRunr): it is the write path of
 * one table, a single thread that lives as long as the app. The queue is bounded: when it is full the
 * request writes its event itself, so a burst slows requests down instead of losing events or memory.
 * On shutdown (after the web server stopped taking requests) the queue is written out. A kill -9 loses
 * the events of at most the last moment — the same as the relaxed commit of opens and clicks before.
 */
@Component
class EventWriter {

    static final int BATCH = 1000;
    /** How long a small batch waits for more events: an event reaches the database at most this much later. */
    static final long LINGER_MILLIS = 5;

    static final int ATTEMPTS = 5;
    static final long RETRY_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

    private final EventBatch batch;
    static final int BOUND = 50_000;
    // lock-free for the requests that add (a lock here made 32 request threads queue on 2 cores); the bound is counted
    // apart
    private final LinkedTransferQueue<EventBatch.Event> queue = new LinkedTransferQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    EventWriter(EventBatch batch) {
        this.batch = batch;
        this.thread = new Thread(this::loop, "tracking-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Records an open or a click soon; under back-pressure at once, in the caller's thread. */
    void add(EventBatch.Event event) {
        if (running && queued.incrementAndGet() <= BOUND) {
            queue.offer(event);
        } else {
            queued.decrementAndGet();
            write(List.of(event), 1); // a request does not wait out a database that is away
        }
    }

    /** Whether {@link #add} would queue (and not write in the caller's thread). */
    boolean hasRoom() {
        return running && queued.get() < BOUND;
    }

    private void loop() {
        List<EventBatch.Event> taken = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                EventBatch.Event first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, BATCH - 1);
                if (taken.size() < BATCH / 4 && running) {
                    // let a few more gather: under load the writer otherwise wrote ~25 events per transaction,
                    // and the per-transaction work (begin, statement, commit) outweighed the rows
                    Thread.sleep(LINGER_MILLIS);
                    queue.drainTo(taken, BATCH - taken.size());
                }
                queued.addAndGet(-taken.size());
                write(taken, ATTEMPTS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                taken.clear();
            }
        }
    }

    /**
     * Tries a batch up to {@code attempts} times, waiting {@value #RETRY_MILLIS} ms and then twice as long each
     * time (about 3 s in all): a database that is restarting or a lock that times out costs no events. The queue
     * goes on taking events meanwhile, up to its bound.
     */
    private void write(List<EventBatch.Event> events, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                batch.write(events);
                return;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    // the requests were answered; say how many events are lost and why, without their content
                    LOG.warn(
                            "{} tracking events could not be written ({} attempts): {}",
                            events.size(),
                            attempt,
                            e.getClass().getSimpleName());
                    return;
                }
                if (!pause(RETRY_MILLIS << (attempt - 1))) {
                    return;
                }
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
        List<EventBatch.Event> rest = new ArrayList<>();
        queue.drainTo(rest);
        queued.addAndGet(-rest.size());
        for (int i = 0; i < rest.size(); i += BATCH) {
            write(rest.subList(i, Math.min(rest.size(), i + BATCH)), 2);
        }
    }
}
