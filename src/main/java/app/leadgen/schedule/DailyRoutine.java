package app.leadgen.schedule;

/**
 * The daily routine that the schedule starts: one Places run (discovery, qualification, extraction).
 * Implemented by another module as a Spring bean; without one, „Jetzt ausführen" answers 409 and the
 * recurring job logs a warning and does nothing.
 *
 * <p>Called inside a JobRunr job on whichever instance picks it up, once per trigger. JobRunr does not
 * retry it: an implementation that fails should leave something the user can see (a failed run).
 */
public interface DailyRoutine {

    void run();
}
