/**
 * Schedule: when the daily routine (discovery → qualification → extraction as one Places run) runs.
 * Owns the settings (on/off, time of day, zone), their registration as a JobRunr recurring job, the
 * „Jetzt ausführen" trigger and the port {@link app.leadgen.schedule.DailyRoutine} that the {@code
 * places} module implements (one Places run over every active location).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Schedule",
        allowedDependencies = {"settings", "support"})
package app.leadgen.schedule;
