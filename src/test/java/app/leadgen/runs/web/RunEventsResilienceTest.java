package app.leadgen.runs.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.TestLeads;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One scheduler thread serves every open stream: a stream whose browser went away in an awkward way
 * (sending fails, and so does closing it) must not stop the pushes to everyone else.
 */
class RunEventsResilienceTest extends IntegrationTest {

    @Autowired
    RunEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    @Test
    void aBrokenStreamDoesNotStopThePushesToTheOthers() {
        TestLeads leads = new TestLeads(jdbc, store);
        long broken = leads.run("broken-stream");
        long watched = leads.run("watched-stream");
        jdbc.sql("update runs set status = 'RUNNING', stage = 'PROFILES' where id in (:a, :b)")
                .param("a", broken)
                .param("b", watched)
                .update();
        Recording good = new Recording();
        events.follow(broken, new Failing());
        events.follow(watched, good);

        // both runs change: the failing stream throws on its next push, the other must keep receiving
        for (int i = 1; i <= 3; i++) {
            for (long run : new long[] {broken, watched}) {
                jdbc.sql("delete from run_counters where run_id = :run and name = 'findings'")
                        .param("run", run)
                        .update();
                jdbc.sql("insert into run_counters (run_id, name, amount) values (:run, 'findings', :n)")
                        .param("n", i)
                        .param("run", run)
                        .update();
            }
            awaitSent(good, i + 1);
        }
        assertThat(good.sent).hasSize(4);
    }

    private static void awaitSent(Recording emitter, int count) {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (emitter.sent.size() < count && Instant.now().isBefore(end)) {
            Api.sleep(50);
        }
        assertThat(emitter.sent).as("pushes to the healthy stream").hasSizeGreaterThanOrEqualTo(count);
    }

    /** A stream that accepts the first push, then fails to send and fails to close. */
    private static final class Failing extends SseEmitter {
        private final AtomicInteger sends = new AtomicInteger();

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            if (sends.incrementAndGet() > 1) {
                throw new IOException("Broken pipe");
            }
        }

        @Override
        public synchronized void completeWithError(Throwable ex) {
            throw new IllegalStateException("ResponseBodyEmitter has already completed");
        }
    }

    private static final class Recording extends SseEmitter {
        final List<SseEventBuilder> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder builder) {
            sent.add(builder);
        }
    }
}
