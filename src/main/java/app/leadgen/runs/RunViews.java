package app.leadgen.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds a run's view: its counters, the ledger, and its pipeline's description in the reader's language. */
@Component
class RunViews {

    private final Pipelines pipelines;
    private final RunCounters counters;
    private final RunLedger ledger;
    private final MessageSource messages;

    RunViews(Pipelines pipelines, RunCounters counters, RunLedger ledger, MessageSource messages) {
        this.pipelines = pipelines;
        this.counters = counters;
        this.ledger = ledger;
        this.messages = messages;
    }

    RunView view(RunRecord run, Locale locale) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        pipelines.counters().forEach(name -> counts.put(name, 0));
        counts.putAll(counters.all(run.id()));
        Map<String, Integer> calls = ledger.calls(run.id(), pipelines.services());
        Pipeline pipeline = pipelines.find(run.source()).orElse(null);
        List<RunView.StageView> stages = new ArrayList<>();
        int progress = run.status() == RunStatus.COMPLETED ? 100 : 0;
        String costs = null;
        String summary = null;
        Map<String, Object> details = Map.of();
        if (pipeline != null) {
            Pipeline.Description description = pipeline.describe(run.stage(), new Counts(counts, calls));
            List<String> names = pipeline.stages();
            int current = "DONE".equals(run.stage()) ? names.size() : names.indexOf(run.stage());
            for (int i = 0; i < names.size(); i++) {
                Text detail =
                        i < description.stages().size() ? description.stages().get(i) : null;
                String state = i < current || run.status() == RunStatus.COMPLETED
                        ? "done"
                        : i == current && !run.status().finished() ? "active" : "pending";
                stages.add(new RunView.StageView(
                        names.get(i),
                        text(Text.of("run.stage." + names.get(i)), locale),
                        detail != null ? text(detail, locale) : "",
                        state));
            }
            if (run.status() != RunStatus.COMPLETED) {
                progress = Math.max(0, Math.min(100, description.progress()));
            }
            costs = text(description.costs(), locale);
            summary = text(description.summary(), locale);
            details = pipeline.details(run.id(), run.params());
        }
        return new RunView(
                run.id(),
                run.source(),
                run.keyword(),
                run.status(),
                run.stage(),
                stages,
                progress,
                costs,
                summary,
                counts,
                run.error() != null ? text(run.error(), locale) : run.legacyError(),
                run.warning() != null ? text(run.warning(), locale) : run.legacyWarning(),
                run.stopRequested(),
                counts.getOrDefault("cacheHits", 0),
                calls,
                run.createdAt(),
                run.startedAt(),
                run.finishedAt(),
                details);
    }

    private String text(Text text, Locale locale) {
        if (text == null) {
            return null;
        }
        return messages.getMessage(text.key(), text.args().toArray(), text.key(), locale);
    }
}
