package app.leadgen.imports;

import app.leadgen.runs.Counts;
import app.leadgen.runs.Pipeline;
import app.leadgen.runs.RunContext;
import app.leadgen.runs.RunRequest;
import app.leadgen.runs.StartRequest;
import app.leadgen.runs.Text;
import app.leadgen.support.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A CSV import as a run (source {@code csv}): the same progress, stop, emergency stop and resume as
 * every other run. Started through {@code POST /api/imports/{id}/start}, which checks the import;
 * one stage, the rows, merged into the lead book.
 */
@Component
class CsvPipeline implements Pipeline {

    static final String SOURCE = "csv";
    static final String IMPORT = "IMPORT";
    static final String IMPORT_ID = "importId";
    private static final int MAX_LABEL = 100;

    private final ImportStore store;
    private final ImportWork work;

    CsvPipeline(ImportStore store, ImportWork work) {
        this.store = store;
        this.work = work;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<String> stages() {
        return List.of(IMPORT);
    }

    @Override
    public List<String> counters() {
        return ImportCounter.names();
    }

    @Override
    public RunRequest prepare(StartRequest request) {
        String id = request.text(IMPORT_ID);
        ImportRecord imp = parse(id)
                .flatMap(store::find)
                .orElseThrow(() -> ApiProblem.notFound("problem.imports.unknown", String.valueOf(id)));
        String label = imp.fileName().length() <= MAX_LABEL
                ? imp.fileName()
                : imp.fileName().substring(0, MAX_LABEL - 1) + "…";
        return new RunRequest(label, Map.of(IMPORT_ID, String.valueOf(imp.id())), null);
    }

    private static java.util.Optional<Long> parse(String id) {
        try {
            return id == null ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public Outcome run(RunContext run) {
        run.stage(IMPORT);
        long id = Long.parseLong(run.param(IMPORT_ID));
        ImportRecord imp = store.find(id).orElseThrow(() -> new IllegalStateException("import " + id + " is gone"));
        if (!imp.fileKept()) {
            return Outcome.DONE; // imported to the end before: its file is gone
        }
        run.set(ImportCounter.ROWS.key, (int) Math.min(Integer.MAX_VALUE, imp.rows()));
        if (work.run(run, imp)) {
            store.dropFile(id);
        }
        return Outcome.DONE;
    }

    @Override
    public Map<String, Object> details(long runId, Map<String, String> params) {
        return Map.of(IMPORT_ID, Long.valueOf(params.getOrDefault(IMPORT_ID, "0")));
    }

    @Override
    public Description describe(String stage, Counts c) {
        int total = c.get("rows");
        int done = c.get("imported") + c.get("invalid") + c.get("suppressed");
        Text text = Text.of(
                "run.detail.import",
                done,
                total,
                c.get("imported"),
                c.get("contactsCreated"),
                c.get("contactsUpdated"),
                c.get("invalid"),
                c.get("duplicatesInFile"),
                c.get("suppressed"));
        int progress = total <= 0 ? 5 : 5 + Math.round(95 * Math.min(1f, done / (float) total));
        return new Description(
                List.of(text),
                progress,
                Text.of("run.costs.import"),
                Text.of("run.summary.import", c.get("imported"), c.get("contactsCreated"), c.get("invalid")));
    }
}
