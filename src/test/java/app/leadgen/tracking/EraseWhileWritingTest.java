package app.leadgen.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.IntegrationTest;
import java.time.Instant;
import java.util.List;
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
 * A person's erase and the events of their mails, written at the same moment from two connections
 * (events carry no foreign key to their mail since V41: the inserts lock the mail instead). Whichever
 * comes first, no event of an erased mail is left, and a batch that meets an erase still writes the
 * events of the other mails.
 */
class EraseWhileWritingTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventBatch batch;

    @Autowired
    EventLog log;

    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aBatchThatMeetsAnEraseWaitsThenLeavesOutOnlyTheErasedMail() throws Exception {
        long erased = mail();
        long kept = mail();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> erase = threads.submit(() -> inTransaction(() -> {
            eraseSteps(erased);
            locked.countDown();
            await(release);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        Future<?> write = threads.submit(() -> batch.write(List.of(open(erased), open(kept), open(erased))));
        Thread.sleep(300);
        assertThat(write).as("the batch waits for the erase's lock on the mail").isNotDone();

        release.countDown();
        erase.get(10, TimeUnit.SECONDS);
        write.get(10, TimeUnit.SECONDS); // no exception: the batch is not lost
        assertThat(events(kept)).isEqualTo(1);
        assertThat(events(erased)).isZero();
    }

    @Test
    void anEraseThatComesSecondWaitsForTheEventAndDeletesItToo() throws Exception {
        long mail = mail();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> unsubscribe = threads.submit(() -> inTransaction(() -> {
            log.record(
                    row(mail),
                    EventType.UNSUBSCRIBE,
                    false,
                    new EventLog.Visitor("10.0.0.1", "Firefox"),
                    null,
                    null,
                    Instant.now());
            written.countDown();
            await(release);
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        Future<?> erase = threads.submit(() -> inTransaction(() -> eraseSteps(mail)));
        Thread.sleep(300);
        assertThat(erase).as("the erase waits for the event being written").isNotDone();

        release.countDown();
        unsubscribe.get(10, TimeUnit.SECONDS);
        erase.get(10, TimeUnit.SECONDS);
        assertThat(events(mail)).isZero();
        assertThat(jdbc.sql("select count(*) from tracked_mails where id = :id")
                        .param("id", mail)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anEventOfAMailThatIsGoneIsNotWritten() {
        long mail = mail();
        inTransaction(() -> eraseSteps(mail));

        log.record(
                row(mail),
                EventType.BOUNCE,
                false,
                new EventLog.Visitor(null, null),
                null,
                "550 unknown",
                Instant.now());
        batch.write(List.of(open(mail)));

        assertThat(events(mail)).isZero();
    }

    @Test
    void theEventsCarryNoForeignKeyAnyMore() {
        assertThat(jdbc.sql("select count(*) from information_schema.table_constraints"
                                + " where lower(table_name) = 'email_events' and constraint_type = 'FOREIGN KEY'")
                        .query(Long.class)
                        .single())
                .as("V41 dropped the key whose per-row check the lock replaces")
                .isZero();
    }

    /** What {@link ForgetTracking} does for one mail. */
    private void eraseSteps(long mail) {
        jdbc.sql("select id from tracked_mails where id = :id for update")
                .param("id", mail)
                .query(Long.class)
                .list();
        jdbc.sql("delete from email_events where mail_id = :id")
                .param("id", mail)
                .update();
        jdbc.sql("delete from tracked_mails where id = :id").param("id", mail).update();
    }

    private long mail() {
        String key = UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("insert into tracked_mails (message_key, recipient, links, created_at, sent_at)"
                        + " values (:k, 'erase@example.com', '', :at, :at)")
                .param("k", key)
                .param("at", java.sql.Timestamp.from(Instant.now().minusSeconds(3600)))
                .update();
        return jdbc.sql("select id from tracked_mails where message_key = :k")
                .param("k", key)
                .query(Long.class)
                .single();
    }

    private static TrackedMails.Row row(long mail) {
        return new TrackedMails.Row(
                mail,
                null,
                "erase@example.com",
                java.util.Set.of(),
                Instant.now().minusSeconds(3600),
                true);
    }

    private static EventBatch.Event open(long mail) {
        return new EventBatch.Event(mail, null, EventType.OPEN, false, null, "10.0.0.2", "Firefox", Instant.now());
    }

    private long events(long mail) {
        return jdbc.sql("select count(*) from email_events where mail_id = :id")
                .param("id", mail)
                .query(Long.class)
                .single();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
