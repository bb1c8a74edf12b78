package app.leadgen.runs.web;

import app.leadgen.runs.RunService;
import app.leadgen.runs.RunView;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes a run's state to the page as Server-Sent Events whenever it changes. The state is read from
 * the database, so the page follows a run whichever instance executes it; one scheduler thread
 * serves every open stream.
 */
@Component
class RunEvents implements DisposableBean {

    static final int MAX_STREAMS = 200;
    private static final long TICK_MILLIS = 500;

    private final RunService runs;
    private final Map<SseEmitter, Follower> followers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-events");
        t.setDaemon(true);
        return t;
    });

    private static final class Follower {
        final long runId;
        final java.util.Locale locale;
        RunView last;

        Follower(long runId, java.util.Locale locale) {
            this.runId = runId;
            this.locale = locale;
        }
    }

    RunEvents(RunService runs) {
        this.runs = runs;
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    boolean full() {
        return followers.size() >= MAX_STREAMS;
    }

    SseEmitter follow(long runId) {
        return follow(runId, new SseEmitter(TimeUnit.MINUTES.toMillis(30)));
    }

    SseEmitter follow(long runId, SseEmitter emitter) {
        // the ticker thread has no request: each stream keeps the language of the page that opened it
        Follower follower = new Follower(runId, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        emitter.onCompletion(() -> followers.remove(emitter));
        emitter.onTimeout(() -> followers.remove(emitter));
        emitter.onError(e -> followers.remove(emitter));
        followers.put(emitter, follower);
        push(emitter, follower); // the current state at once
        return emitter;
    }

    private void tick() {
        // nothing may escape: a periodic task that throws is never run again, and every stream would stall
        followers.forEach((emitter, follower) -> {
            try {
                push(emitter, follower);
            } catch (RuntimeException e) {
                followers.remove(emitter);
            }
        });
    }

    private void push(SseEmitter emitter, Follower follower) {
        try {
            RunView view = runs.get(follower.runId, follower.locale);
            if (!Objects.equals(view, follower.last)) {
                follower.last = view;
                emitter.send(SseEmitter.event().name("run").data(view));
            }
            if (view.status().finished()) {
                followers.remove(emitter);
                emitter.complete();
            }
        } catch (IOException | RuntimeException gone) {
            // the browser went away, or the run was deleted: stop following
            followers.remove(emitter);
            try {
                emitter.completeWithError(gone);
            } catch (RuntimeException alreadyClosed) {
                // nothing left to tell that browser
            }
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        followers.keySet().forEach(SseEmitter::complete);
    }
}
