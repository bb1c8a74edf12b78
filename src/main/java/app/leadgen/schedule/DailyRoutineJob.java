package app.leadgen.schedule;

import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The JobRunr entry points of the daily routine: the recurring job and „Jetzt ausführen". Public with
 * public methods because JobRunr resolves them by name from the stored job. Not retried: a second
 * attempt could start a second Places run.
 */
@Component
public class DailyRoutineJob {

    private static final Logger log = LoggerFactory.getLogger(DailyRoutineJob.class);

    private final ObjectProvider<DailyRoutine> routine;
    private final ScheduleSettings settings;
    private final ScheduleRegistrar registrar;

    DailyRoutineJob(ObjectProvider<DailyRoutine> routine, ScheduleSettings settings, ScheduleRegistrar registrar) {
        this.routine = routine;
        this.settings = settings;
        this.registrar = registrar;
    }

    /** Started by the recurring job at the scheduled time. */
    @Job(name = "Daily routine (schedule)", retries = 0)
    public void runScheduled() {
        if (!settings.current().enabled()) {
            // another instance switched the schedule off in between: take the recurring job away too
            log.info("Daily routine skipped: the schedule is switched off");
            registrar.sync();
            return;
        }
        run("schedule");
    }

    /** Started by „Jetzt ausführen". */
    @Job(name = "Daily routine (run now)", retries = 0)
    public void runNow() {
        run("run-now");
    }

    private void run(String trigger) {
        DailyRoutine daily = routine.getIfAvailable();
        if (daily == null) {
            log.warn(
                    "Daily routine ({}) did nothing: no DailyRoutine is available yet (the Places search is not"
                            + " built into this version)",
                    trigger);
            return;
        }
        log.info("Daily routine ({}) starts", trigger);
        daily.run();
        log.info("Daily routine ({}) done", trigger);
    }
}
