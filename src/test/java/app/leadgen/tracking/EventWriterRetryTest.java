package app.leadgen.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open whose first write fails is written by a later attempt, not lost. H2 gives up waiting for a
 * row lock after its lock timeout (PostgreSQL waits as long as it takes, so there is nothing to
 * retry there): a mail held locked longer than that makes the writer's first attempt fail.
 */
class EventWriterRetryTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventWriter writer;

    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void anOpenThatMeetsALockHeldPastTheTimeoutIsWrittenOnceTheLockIsGone() throws Exception {
        long mail = mail();
        CountDownLatch locked = new CountDownLatch(1);
        Future<?> holder = thread.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("select id from tracked_mails where id = :id for update")
                    .param("id", mail)
                    .query(Long.class)
                    .list();
            locked.countDown();
            Api.sleep(2_500);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        writer.add(new EventBatch.Event(mail, null, EventType.OPEN, false, null, "10.0.0.3", "Firefox", Instant.now()));
        holder.get(10, TimeUnit.SECONDS);

        Instant end = Instant.now().plusSeconds(10);
        while (events(mail) == 0 && Instant.now().isBefore(end)) {
            Api.sleep(50);
        }
        assertThat(events(mail)).isEqualTo(1);
    }

    private long mail() {
        String key = UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("insert into tracked_mails (message_key, recipient, links, created_at, sent_at)"
                        + " values (:k, 'retry@example.com', '', :at, :at)")
                .param("k", key)
                .param("at", Timestamp.from(Instant.now().minusSeconds(3600)))
                .update();
        return jdbc.sql("select id from tracked_mails where message_key = :k")
                .param("k", key)
                .query(Long.class)
                .single();
    }

    private long events(long mail) {
        return jdbc.sql("select count(*) from email_events where mail_id = :id")
                .param("id", mail)
                .query(Long.class)
                .single();
    }
}
