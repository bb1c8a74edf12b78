package app.leadgen.testing;

import app.leadgen.runs.RunFinished;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Hears every {@link RunFinished} the app publishes, synchronously, as it is published (not after
 * the commit and not through the event registry), so a test sees each publication, also a second
 * one that must not happen. Part of the shared test configuration ({@link IntegrationTest}), so the
 * Spring context stays one cached context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RunFinishedRecorder {

    private final List<RunFinished> events = new CopyOnWriteArrayList<>();

    @EventListener
    void heard(RunFinished event) {
        events.add(event);
    }

    /** What was published for this run, in order. */
    public List<RunFinished> of(long runId) {
        return events.stream().filter(e -> e.runId() == runId).toList();
    }
}
