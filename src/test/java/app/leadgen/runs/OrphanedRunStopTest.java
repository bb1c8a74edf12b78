package app.leadgen.runs;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.TestLeads;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A run whose own job died with its instance (kill -9) has nobody to notice a stop until JobRunr
 * runs the job again elsewhere: the stop ends it at once. A run whose job is alive keeps the usual
 * way: the flag is set and the job ends the run.
 */
class OrphanedRunStopTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    @Test
    void aStopEndsARunWhoseJobStoppedBeatingAndLeavesALiveOneToItsJob() {
        Api api = new Api(port);
        TestLeads leads = new TestLeads(jdbc, store);
        long orphaned = running(leads.run("orphaned"), Instant.now().minus(Duration.ofMinutes(10)));
        long orphanedToo = running(leads.run("orphaned-too"), Instant.now().minus(Duration.ofMinutes(10)));
        long alive = running(leads.run("alive"), Instant.now());
        try {
            JsonNode emergency = api.postJson("/api/runs/" + orphaned + "/emergency-stop", "")
                    .json();
            JsonNode normal =
                    api.postJson("/api/runs/" + orphanedToo + "/stop", "").json();
            JsonNode live =
                    api.postJson("/api/runs/" + alive + "/emergency-stop", "").json();

            assertThat(emergency.path("status").asString()).isEqualTo("STOPPED");
            assertThat(emergency.path("finishedAt").isString()).isTrue();
            assertThat(normal.path("status").asString()).isEqualTo("STOPPED");
            assertThat(live.path("status").asString()).isEqualTo("RUNNING");
            assertThat(live.path("stopRequested").asBoolean()).isTrue();
        } finally {
            jdbc.sql("update runs set status = 'COMPLETED' where id = :id and status = 'RUNNING'")
                    .param("id", alive)
                    .update();
        }
    }

    private long running(long runId, Instant heartbeat) {
        jdbc.sql("update runs set status = 'RUNNING', stage = 'PROFILES', finished_at = null, heartbeat_at = :beat"
                        + " where id = :id")
                .param("beat", Timestamp.from(heartbeat))
                .param("id", runId)
                .update();
        return runId;
    }
}
