package app.leadgen.schedule;

import java.time.Clock;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JobRunr entry points of the daily routine: the recurring job and „Jetzt ausführen". Public with
 * public methods because JobRunr resolves them by name from the stored job. Each publishes {@link
 * DailyRoutineDue} in a transaction of its own, which stores it in the event publication registry;
 * the listener runs after the commit. Not retried: a second attempt could start a second routine.
 */
@Component
public class DailyRoutineJob {

    private static final Logger log = LoggerFactory.getLogger(DailyRoutineJob.class);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ScheduleSettings settings;
    private final ScheduleRegistrar registrar;
    private final Clock clock;

    DailyRoutineJob(
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            ScheduleSettings settings,
            ScheduleRegistrar registrar,
            Clock clock) {
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.registrar = registrar;
        this.clock = clock;
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
        due("schedule");
    }

    /** Started by „Jetzt ausführen". */
    @Job(name = "Daily routine (run now)", retries = 0)
    public void runNow() {
        due("run-now");
    }

    private void due(String trigger) {
        log.info("Daily routine ({}) is due", trigger);
        tx.executeWithoutResult(status -> events.publishEvent(new DailyRoutineDue(trigger, clock.instant())));
    }
}
