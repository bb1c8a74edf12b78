package app.leadgen.schedule;

import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps JobRunr's recurring job in line with the stored schedule: at start-up and after every change.
 * The recurring job has a fixed id and lives in the shared database, so every instance writing it
 * again (or deleting it again) leaves exactly one.
 */
@Component
class ScheduleRegistrar {

    static final String RECURRING_JOB_ID = "leadgen-daily-routine";
    private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

    private final JobScheduler jobs;
    private final ScheduleSettings settings;

    ScheduleRegistrar(JobScheduler jobs, ScheduleSettings settings) {
        this.jobs = jobs;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        sync();
    }

    /** Registers (or removes) the recurring job from what is stored now. */
    Schedule sync() {
        Schedule schedule = settings.current();
        if (schedule.enabled()) {
            jobs.<DailyRoutineJob>scheduleRecurrently(
                    RECURRING_JOB_ID, schedule.cron(), schedule.zone(), job -> job.runScheduled());
            log.info(
                    "Daily routine scheduled at {} {} (cron '{}')",
                    schedule.timeText(),
                    schedule.zone(),
                    schedule.cron());
        } else {
            jobs.deleteRecurringJob(RECURRING_JOB_ID);
            log.info("Daily routine not scheduled (switched off)");
        }
        return schedule;
    }
}
