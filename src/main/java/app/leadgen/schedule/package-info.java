/**
 * Schedule: when the daily routine (discovery → qualification → extraction as one Places run) runs.
 * Owns the settings (on/off, time of day, zone), their registration as a JobRunr recurring job, the
 * „Jetzt ausführen" trigger, the event {@link app.leadgen.schedule.DailyRoutineDue} that the {@code
 * places} module listens for, and the last routine run's result ({@link
 * app.leadgen.schedule.RoutineRuns}, which listens for {@code RunFinished}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Schedule",
        allowedDependencies = {"accounts", "runs", "settings", "support"})
package app.leadgen.schedule;
