package app.leadgen.runs;

import java.util.Map;

/** A run's counters and its calls per service (from the ledger), as a pipeline reads them. */
public record Counts(Map<String, Integer> counters, Map<String, Integer> calls) {

    public int get(String counter) {
        return counters.getOrDefault(counter, 0);
    }

    public int calls(String service) {
        return calls.getOrDefault(service, 0);
    }
}
