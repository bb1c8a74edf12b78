package app.leadgen.schedule;

import static app.leadgen.schedule.ScheduleTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * While no module implements {@link DailyRoutine} (the Places run comes later), „Jetzt ausführen" says
 * so and the recurring job does nothing but warn. Skipped once a real routine is built in.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoDailyRoutineTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<DailyRoutine> routine;

    @Autowired
    DailyRoutineJob job;

    @BeforeEach
    void onlyWithoutARoutine() {
        assumeTrue(routine.getIfAvailable() == null, "a DailyRoutine is built in");
    }

    @Test
    void runNowAnswers409InGerman() {
        Api api = new Api(port);
        assertProblem(api.postJson("/api/schedule/run-now", ""), 409, "Die Places-Suche ist noch nicht verfügbar");
        assertProblem(api.postJson("/api/schedule/run-now?lang=en", ""), 409, "The Places search is not available yet");
        assertThat(api.get("/api/settings/schedule").json().path("available").asBoolean())
                .isFalse();
    }

    @Test
    void theJobWarnsAndDoesNothing(CapturedOutput output) {
        job.runNow();
        assertThat(output.getOut()).contains("WARN").contains("no DailyRoutine is available yet");
    }
}
