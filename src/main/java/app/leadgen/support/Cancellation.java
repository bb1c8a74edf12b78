package app.leadgen.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets an emergency stop abort calls that are in flight. A pipeline task binds its run's
 * cancellation to the current thread; an adapter registers the abort action of each request it
 * starts, and {@link #cancel()} runs them all at once (closing the connections).
 */
public final class Cancellation {

    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

    private final Set<Runnable> aborts = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public static Cancellation current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with this cancellation bound to the current thread. */
    public void runBound(Runnable work) {
        Cancellation previous = CURRENT.get();
        CURRENT.set(this);
        try {
            work.run();
        } finally {
            CURRENT.set(previous);
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Registers an abort action; runs it at once if already cancelled. Returns a handle to unregister. */
    public Runnable register(Runnable abort) {
        aborts.add(abort);
        if (cancelled) {
            abort.run();
        }
        return () -> aborts.remove(abort);
    }

    public void cancel() {
        cancelled = true;
        for (Runnable abort : aborts) {
            try {
                abort.run();
            } catch (RuntimeException ignored) {
                // aborting is best effort: the connection may be gone already
            }
        }
    }
}
