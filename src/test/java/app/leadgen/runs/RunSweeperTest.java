package app.leadgen.runs;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.HeldJob;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.RunFinishedRecorder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobId;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The sweeper ends RUNNING runs nobody works on any more — heartbeat older than the lease and a
 * JobRunr job that cannot come back — FAILED with {@code run.error.orphaned}, and leaves alone every
 * run that beats or whose job may still run (enqueued, processing, scheduled for a retry). The runs
 * are rows as a killed instance leaves them; the jobs are real JobRunr jobs in the real storage.
 */
class RunSweeperTest extends IntegrationTest {

    private static final String GERMAN = "Keine Instanz arbeitet mehr an ihm";
    private static final String ENGLISH = "no instance works on it any more";

    @LocalServerPort
    int port;

    @Autowired
    RunSweeper sweeper;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobScheduler jobs;

    @Autowired
    StorageProvider storage;

    @Autowired
    BackgroundJobServer server;

    @Autowired
    RunFinishedRecorder finished;

    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void cleanUpAfterwards() {
        created.clear();
    }

    @Test
    void endsRunsWhoseJobIsGoneFailedWithTheOrphanedReasonInTheReadersLanguageOnce() {
        JobDetails held = heldJobDetails();
        long noJob = running(ago(Duration.ofMinutes(10)), null);
        long deletedJob = running(ago(Duration.ofMinutes(10)), UUID.randomUUID().toString());
        long gaveUp = running(
                ago(Duration.ofMinutes(10)),
                save(new Job(held, new FailedState("gave up after its retries", new IllegalStateException("boom")))));
        try {
            // two sweeps at once (another instance's sweeper, or the recurring one): each run ends once
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(sweeper::sweep);
            sweeper.sweep();
            other.join();
            sweeper.sweep();

            Api api = new Api(port);
            for (long id : List.of(noJob, deletedJob, gaveUp)) {
                JsonNode run = api.get("/api/runs/" + id).json();
                assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("FAILED");
                assertThat(run.path("finishedAt").isString()).isTrue();
                assertThat(run.path("error").asString()).contains(GERMAN);
                assertThat(finished.of(id))
                        .as("RunFinished of run %d", id)
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.status()).isEqualTo(RunStatus.FAILED);
                            assertThat(e.source()).isEqualTo("instagram");
                        });
                assertThat(column(id, "error_key")).isEqualTo("run.error.orphaned");
                assertThat(column(id, "session_secret"))
                        .as("the secret goes with the run")
                        .isNull();
            }
            JsonNode english =
                    new Api(port).get("/api/runs/" + noJob + "?lang=en").json();
            assertThat(english.path("error").asString()).contains(ENGLISH).doesNotContain(GERMAN);
        } finally {
            finish();
        }
    }

    @Test
    void leavesAloneRunsThatBeatOrWhoseJobMayComeBackUntilTheJobIsDone() {
        HeldJob.arm();
        JobId processingJob = jobs.<HeldJob>enqueue(h -> h.hold());
        wake();
        awaitJob(processingJob.asUUID(), StateName.PROCESSING);
        JobDetails held = storage.getJobById(processingJob).getJobDetails();
        try {
            long fresh = running(Instant.now(), null);
            long processing = running(ago(Duration.ofMinutes(10)), processingJob.toString());
            long enqueued = running(ago(Duration.ofMinutes(10)), save(new Job(held, new EnqueuedState())));
            JobId retryJob = jobs.<HeldJob>schedule(Instant.now().plus(Duration.ofHours(1)), h -> h.hold());
            long retryPending = running(ago(Duration.ofMinutes(10)), retryJob.toString());
            // a run that has not beaten for longer than the sweeper waits for any job: its instance lost the DB
            long longGone = running(ago(RunSweeper.GIVE_UP.plusMinutes(5)), processingJob.toString());

            sweeper.sweep();

            for (long id : List.of(fresh, processing, enqueued, retryPending)) {
                assertThat(status(id)).as("run %d", id).isEqualTo("RUNNING");
                assertThat(finished.of(id)).isEmpty();
            }
            assertThat(status(longGone)).isEqualTo("FAILED");
            assertThat(column(longGone, "error_key")).isEqualTo("run.error.orphaned");

            // the retry is called off (deleted) and the held job ends without ending its run: nobody comes back
            jobs.delete(retryJob);
            HeldJob.release();
            awaitJob(processingJob.asUUID(), StateName.SUCCEEDED);
            sweeper.sweep();

            assertThat(status(processing)).isEqualTo("FAILED");
            assertThat(status(retryPending)).isEqualTo("FAILED");
            assertThat(finished.of(processing)).hasSize(1);
            assertThat(status(fresh)).as("a fresh heartbeat is enough").isEqualTo("RUNNING");
        } finally {
            HeldJob.release();
            finish();
        }
    }

    /** A RUNNING run as an instance leaves it (with a session secret, to see it erased when the run ends). */
    private long running(Instant heartbeat, String jobId) {
        Timestamp started = Timestamp.from(heartbeat.minusSeconds(60));
        jdbc.sql("insert into runs (source, keyword, status, stage, session_secret, created_at, started_at,"
                        + " heartbeat_at, job_id) values ('instagram', 'sweep', 'RUNNING', 'PROFILES', 'sealed',"
                        + " :started, :started, :beat, :job)")
                .param("started", started)
                .param("beat", Timestamp.from(heartbeat))
                .param("job", jobId)
                .update();
        long id = jdbc.sql("select max(id) from runs").query(Long.class).single();
        created.add(id);
        return id;
    }

    /** Ends this test's runs that are still RUNNING, so no other test or sweep meets them. */
    private void finish() {
        created.forEach(id -> jdbc.sql("update runs set status = 'COMPLETED' where id = :id and status = 'RUNNING'")
                .param("id", id)
                .update());
    }

    private JobDetails heldJobDetails() {
        JobId job = jobs.<HeldJob>schedule(Instant.now().plus(Duration.ofHours(1)), h -> h.hold());
        JobDetails details = storage.getJobById(job).getJobDetails();
        jobs.delete(job);
        return details;
    }

    private String save(Job job) {
        return storage.save(job).getId().toString();
    }

    /** Tells the job server to look for work now instead of at its next poll (as a run's start does). */
    private void wake() {
        server.getJobSteward().notifyThreadOccupied();
        server.getJobSteward().notifyThreadIdle();
    }

    private void awaitJob(UUID id, StateName state) {
        Instant end = Instant.now().plusSeconds(30);
        while (storage.getJobById(id).getState() != state) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("job " + id + " not " + state + ": "
                        + storage.getJobById(id).getState());
            }
            Api.sleep(50);
        }
    }

    private String status(long id) {
        return column(id, "status");
    }

    private String column(long id, String column) {
        Object value = jdbc.sql("select " + column + " from runs where id = :id")
                .param("id", id)
                .query()
                .singleRow()
                .get(column);
        return value == null ? null : value.toString();
    }

    private static Instant ago(Duration d) {
        return Instant.now().minus(d);
    }
}
