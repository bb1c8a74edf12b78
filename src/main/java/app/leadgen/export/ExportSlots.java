package app.leadgen.export;

import app.leadgen.support.ApiProblem;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * At most {@code EXPORTS_AT_ONCE} exports run at once, whoever asks: each reads a whole table and
 * writes a big file, and a few at a time keep the database and the disk free for the app. The next
 * one is refused at once (429 with {@code Retry-After}) instead of waiting in a queue nobody sees.
 */
@Component
class ExportSlots {

    static final int RETRY_AFTER_SECONDS = 15;

    private final Semaphore slots;
    private final int atOnce;

    ExportSlots(ExportProperties properties) {
        this.atOnce = Math.max(1, properties.atOnce());
        this.slots = new Semaphore(atOnce);
    }

    /** A slot to give back with {@link Slot#close()}, or a 429 problem when all are taken. */
    Slot take() {
        if (!slots.tryAcquire()) {
            ApiProblem busy =
                    new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "problem.export.busy", atOnce, RETRY_AFTER_SECONDS);
            busy.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            throw busy;
        }
        return new Slot(slots);
    }

    /** One taken slot; closing it twice gives it back once. */
    static final class Slot implements AutoCloseable {
        private Semaphore slots;

        private Slot(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public void close() {
            if (slots != null) {
                slots.release();
                slots = null;
            }
        }
    }
}
