package app.leadgen.schedule;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A fake of the {@link DailyRoutine} port (the Places run is another module's): it only records on
 * which thread it was called. {@code @Primary} so it also wins once the real routine exists.
 */
public class RecordingRoutine implements DailyRoutine {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void run() {
        calls.add(Thread.currentThread().getName());
    }

    public int count() {
        return calls.size();
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        RecordingRoutine recordingRoutine() {
            return new RecordingRoutine();
        }
    }
}
