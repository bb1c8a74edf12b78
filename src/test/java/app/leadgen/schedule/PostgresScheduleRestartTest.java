package app.leadgen.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.LeadGenApplication;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.OnPostgres;
import app.leadgen.testing.TestPostgres;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The schedule survives a restart and several instances on one PostgreSQL database keep exactly one
 * recurring job: a second instance of the app starts on the same database and finds what the first
 * one stored.
 */
@OnPostgres
class PostgresScheduleRestartTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    StorageProvider storage;

    @Test
    void aSecondInstanceStartsWithTheStoredScheduleAndOneRecurringJob() {
        Api first = new Api(port);
        JsonNode saved = first.putJson(
                        "/api/settings/schedule",
                        "{\"enabled\": true, \"time\": \"04:15\", \"zone\": \"Europe/Lisbon\"}")
                .json();
        assertThat(saved.path("time").asString()).isEqualTo("04:15");

        TestPostgres.Database db = TestPostgres.database();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(LeadGenApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--jobrunr.background-job-server.enabled=false",
                        "--spring.main.banner-mode=off")) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            JsonNode afterRestart =
                    new Api(secondPort).get("/api/settings/schedule").json();
            assertThat(afterRestart.path("enabled").asBoolean()).isTrue();
            assertThat(afterRestart.path("time").asString()).isEqualTo("04:15");
            assertThat(afterRestart.path("zone").asString()).isEqualTo("Europe/Lisbon");
            assertThat(afterRestart.path("nextRun").asString())
                    .isEqualTo(saved.path("nextRun").asString());

            // the second instance registered at its start-up too: still one recurring job, same schedule
            assertThat(storage.getRecurringJobs().stream()
                            .filter(r -> r.getId().equals(ScheduleRegistrar.RECURRING_JOB_ID)))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.getScheduleExpression()).isEqualTo("15 4 * * *");
                        assertThat(r.getZoneId()).isEqualTo("Europe/Lisbon");
                    });

            // switched off on the second instance: gone for both
            new Api(secondPort).putJson("/api/settings/schedule", "{\"enabled\": false}");
            assertThat(first.get("/api/settings/schedule")
                            .json()
                            .path("enabled")
                            .asBoolean())
                    .isFalse();
            assertThat(storage.getRecurringJobs().stream()
                            .filter(r -> r.getId().equals(ScheduleRegistrar.RECURRING_JOB_ID)))
                    .isEmpty();
        }
    }
}
