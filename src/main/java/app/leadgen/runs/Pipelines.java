package app.leadgen.runs;

import app.leadgen.support.ApiProblem;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The pipelines of this application, by source name. */
@Component
class Pipelines {

    private final Map<String, Pipeline> bySource = new LinkedHashMap<>();
    private final Set<String> counters = new LinkedHashSet<>();
    private final Set<String> services = new LinkedHashSet<>();

    Pipelines(List<Pipeline> pipelines) {
        for (Pipeline p : pipelines) {
            if (bySource.put(p.source(), p) != null) {
                throw new IllegalStateException("two pipelines for source " + p.source());
            }
            counters.addAll(p.counters());
            services.addAll(p.services());
        }
    }

    Optional<Pipeline> find(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** The pipeline for a start request; 400 for a source nobody provides. */
    Pipeline forStart(String source) {
        return find(source).orElseThrow(() -> ApiProblem.badRequest("problem.runs.source-unknown"));
    }

    /** Every counter of every pipeline: each run shows all of them (0 when it has none), a stable shape. */
    Set<String> counters() {
        return counters;
    }

    Set<String> services() {
        return services;
    }
}
