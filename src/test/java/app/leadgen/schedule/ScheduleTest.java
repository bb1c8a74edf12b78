package app.leadgen.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.settings.SettingsStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.Api.Reply;
import app.leadgen.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The daily routine's schedule, with a recorder of the {@link DailyRoutineDue} events it publishes, JobRunr running for real. */
@Import(RecordingRoutine.Config.class)
class ScheduleTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RecordingRoutine routine;

    @Autowired
    StorageProvider storage;

    @Autowired
    JobScheduler jobs;

    @Autowired
    ScheduleRegistrar registrar;

    @Autowired
    SettingsStore settingsStore;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void runNowRunsTheRoutineOnceAsAJobRunrJob() {
        int before = routine.count();
        Reply accepted = api.postJson("/api/schedule/run-now", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        UUID jobId = UUID.fromString(accepted.json().path("jobId").asString());

        awaitCount(before + 1);
        // a JobRunr worker called it, not the request thread
        assertThat(routine.calls().get(before)).doesNotContain("http-nio");
        await(() -> storage.getJobById(jobId).getState() == StateName.SUCCEEDED, "job succeeded");
        Api.sleep(500);
        assertThat(routine.count()).as("exactly once").isEqualTo(before + 1);
    }

    @Test
    void enablingRegistersTheRecurringJobWithCronAndZoneAndDisablingRemovesIt() {
        Reply saved = api.putJson(
                "/api/settings/schedule", "{\"enabled\": true, \"time\": \"07:45\", \"zone\": \"America/New_York\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode json = saved.json();
        assertThat(json.path("enabled").asBoolean()).isTrue();
        assertThat(json.path("time").asString()).isEqualTo("07:45");
        assertThat(json.path("zone").asString()).isEqualTo("America/New_York");
        assertThat(json.path("available").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(json.path("nextRun").asString()).toInstant())
                .isEqualTo(nextAt(LocalTime.of(7, 45), ZoneId.of("America/New_York")));
        assertThat(api.get("/api/settings/schedule").json()).isEqualTo(json);

        RecurringJob job = recurringJob().orElseThrow();
        assertThat(job.getScheduleExpression()).isEqualTo("45 7 * * *");
        assertThat(job.getZoneId()).isEqualTo("America/New_York");
        assertThat(job.getJobDetails().getClassName()).isEqualTo(DailyRoutineJob.class.getName());
        assertThat(job.getJobDetails().getMethodName()).isEqualTo("runScheduled");

        // saving again (as every instance does at start-up) leaves one recurring job with the new values
        api.putJson("/api/settings/schedule", "{\"time\": \"08:05\"}");
        registrar.sync();
        assertThat(storage.getRecurringJobs().stream()
                        .filter(r -> r.getId().equals(ScheduleRegistrar.RECURRING_JOB_ID)))
                .singleElement()
                .satisfies(r -> assertThat(r.getScheduleExpression()).isEqualTo("5 8 * * *"));

        Reply off = api.putJson("/api/settings/schedule", "{\"enabled\": false}");
        assertThat(off.json().path("enabled").asBoolean()).isFalse();
        assertThat(off.json().path("nextRun").isNull()).isTrue();
        assertThat(off.json().path("time").asString()).as("kept").isEqualTo("08:05");
        assertThat(off.json().path("zone").asString()).isEqualTo("America/New_York");
        assertThat(recurringJob()).isEmpty();
        // switching off twice is fine too
        assertThat(api.putJson("/api/settings/schedule", "{\"enabled\": false}").status())
                .isEqualTo(200);
    }

    @Test
    void theSettingsAreStoredAndRegisteredAgainAtStartUp() {
        api.putJson("/api/settings/schedule", "{\"enabled\": true, \"time\": \"05:30\", \"zone\": \"Europe/Vienna\"}");
        assertThat(jdbc.sql("select setting_value from app_settings where setting_key = 'schedule.time'")
                        .query(String.class)
                        .single())
                .isEqualTo("05:30");

        // a restart: JobRunr's recurring job is gone, the stored settings are read again by a fresh object
        jobs.deleteRecurringJob(ScheduleRegistrar.RECURRING_JOB_ID);
        assertThat(recurringJob()).isEmpty();
        ScheduleSettings afterRestart =
                new ScheduleSettings(settingsStore, new ScheduleProperties(false, 6, 0, ZoneId.of("Europe/Berlin")));
        assertThat(afterRestart.current())
                .isEqualTo(new Schedule(true, LocalTime.of(5, 30), ZoneId.of("Europe/Vienna")));
        registrar.onStart();
        assertThat(recurringJob()).hasValueSatisfying(job -> {
            assertThat(job.getScheduleExpression()).isEqualTo("30 5 * * *");
            assertThat(job.getZoneId()).isEqualTo("Europe/Vienna");
        });
        api.putJson("/api/settings/schedule", "{\"enabled\": false}");
    }

    @Test
    void theRecurringJobRunsTheRoutineWhenEnabledAndSkipsWhenSwitchedOff() {
        api.putJson("/api/settings/schedule", "{\"enabled\": true, \"time\": \"03:00\", \"zone\": \"UTC\"}");
        int before = routine.count();
        // what JobRunr enqueues from the recurring job at the scheduled time
        storage.save(recurringJob().orElseThrow().toEnqueuedJob());
        awaitCount(before + 1);

        // switched off in the settings table only (as by another instance): the job skips and deregisters
        settingsStore.put(ScheduleSettings.ENABLED, "false");
        UUID skipped = jobs.<DailyRoutineJob>enqueue(job -> job.runScheduled()).asUUID();
        await(() -> storage.getJobById(skipped).getState() == StateName.SUCCEEDED, "skipping job done");
        assertThat(routine.count()).isEqualTo(before + 1);
        assertThat(recurringJob()).isEmpty();
    }

    @Test
    void badTimesAndZonesGetProblemDetailsAndChangeNothing() {
        api.putJson("/api/settings/schedule", "{\"enabled\": false, \"time\": \"06:00\", \"zone\": \"Europe/Berlin\"}");
        for (String time : new String[] {"24:00", "7:5", "07:60", "", "abc", "06:00:00", "06.00"}) {
            assertProblem(
                    api.putJson("/api/settings/schedule", "{\"time\": \"" + time + "\"}"),
                    400,
                    "„" + time + "“ ist keine gültige Uhrzeit: bitte im Format HH:mm angeben");
        }
        assertProblem(
                api.putJson("/api/settings/schedule", "{\"zone\": \"Mars/Olympus\"}"),
                400,
                "„Mars/Olympus“ ist keine bekannte Zeitzone");
        assertProblem(api.putJson("/api/settings/schedule", "{\"zone\": \"+02:00\"}"), 400, "keine bekannte Zeitzone");
        assertProblem(api.putJson("/api/settings/schedule", "{\"zone\": \"\"}"), 400, "keine bekannte Zeitzone");
        assertProblem(
                new Api(port).putJson("/api/settings/schedule?lang=en", "{\"zone\": \"Mars/Olympus\"}"),
                400,
                "“Mars/Olympus” is not a known time zone");
        assertProblem(
                api.putJson("/api/settings/schedule", "{\"enabled\": \"yes please\"}"), 400, "kein gültiges JSON");
        JsonNode unchanged = api.get("/api/settings/schedule").json();
        assertThat(unchanged.path("time").asString()).isEqualTo("06:00");
        assertThat(unchanged.path("zone").asString()).isEqualTo("Europe/Berlin");
    }

    private Optional<RecurringJob> recurringJob() {
        return storage.getRecurringJobs().stream()
                .filter(r -> r.getId().equals(ScheduleRegistrar.RECURRING_JOB_ID))
                .findFirst();
    }

    /** The next time of day in the zone, computed independently of JobRunr. */
    static Instant nextAt(LocalTime time, ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        ZonedDateTime today = ZonedDateTime.of(LocalDate.now(zone), time, zone);
        return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    private void awaitCount(int expected) {
        await(() -> routine.count() >= expected, "routine called " + expected + " times");
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Api.sleep(200);
        }
        throw new AssertionError("not within 40 s: " + what);
    }

    static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asString()).contains(detail);
    }
}
