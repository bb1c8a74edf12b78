package app.leadgen.schedule;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * Hears every {@link DailyRoutineDue} as it is published, on the publishing thread, and records
 * that thread's name and the trigger. The real routine (a Places run, another module's) hears it
 * too, after the commit.
 */
public class RecordingRoutine {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> triggers = new CopyOnWriteArrayList<>();

    @EventListener
    void heard(DailyRoutineDue due) {
        calls.add(Thread.currentThread().getName());
        triggers.add(due.trigger());
    }

    public int count() {
        return calls.size();
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public List<String> triggers() {
        return List.copyOf(triggers);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        RecordingRoutine recordingRoutine() {
            return new RecordingRoutine();
        }
    }
}
