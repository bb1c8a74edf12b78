package app.leadgen.runs;

import java.util.Map;

/**
 * Published once when a run ends (COMPLETED, STOPPED or FAILED), from the one place where runs end.
 * Listeners in other modules get it through the event publication registry.
 */
public record RunFinished(long runId, String source, RunStatus status, Map<String, Integer> counters) {}
