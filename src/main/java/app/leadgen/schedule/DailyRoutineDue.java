package app.leadgen.schedule;

import java.time.Instant;

/**
 * The daily routine is due: published by the recurring job at the scheduled time ({@code trigger}
 * {@code schedule}) or by „Jetzt ausführen" ({@code run-now}). The module that does the routine (the
 * Places search) listens for it; the event publication registry keeps it until that listener has
 * handled it, so a routine is not lost when the instance stops in between.
 */
public record DailyRoutineDue(String trigger, Instant at) {}
