package app.leadgen.imports;

import app.leadgen.runs.RunService;
import app.leadgen.runs.RunView;
import app.leadgen.runs.StartRequest;
import app.leadgen.support.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * CSV imports for people and scripts: an upload is read once (format, columns, a few rows, the row
 * count) and stored with a proposed mapping; the mapping can be corrected; the start hands it to a
 * run of source {@code csv}.
 */
@Service
public class ImportService {

    /** Largest file taken (the 100 MB). */
    public static final long MAX_BYTES = 100L * 1024 * 1024;

    static final int SAMPLE_ROWS = 5;
    private static final int MAX_TAG = 100;

    private final ImportStore store;
    private final MappingProposer proposer;
    private final RunService runs;
    private final ImportErrors errors;

    ImportService(ImportStore store, MappingProposer proposer, RunService runs, ImportErrors errors) {
        this.store = store;
        this.proposer = proposer;
        this.runs = runs;
        this.errors = errors;
    }

    /** Reads and stores an upload, with the proposed mapping (or the given one). */
    public ImportView upload(
            String fileName, InputStream content, String tag, Map<String, String> mapping, Locale locale) {
        Path file = null;
        try {
            file = Files.createTempFile("leadgen-upload-", ".csv");
            long size = copyCapped(content, file);
            if (size == 0) {
                throw ApiProblem.badRequest("problem.imports.empty");
            }
            CsvPreview preview = CsvPreview.read(file, SAMPLE_ROWS);
            if (preview.columns().isEmpty()) {
                throw ApiProblem.badRequest("problem.imports.no-header");
            }
            MappingProposal proposal = proposer.propose(preview.columns(), preview.sample());
            Map<String, Field> chosen = new LinkedHashMap<>(proposal.mapping());
            if (mapping != null) {
                chosen.putAll(validated(preview.columns(), mapping));
            }
            String cleanTag = tag == null || tag.isBlank() ? null : clip(tag.strip(), MAX_TAG);
            long id = store.create(
                    clip(fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip(), 500),
                    file,
                    preview,
                    new MappingProposal(chosen, proposal.source(), proposal.llmProblem()),
                    cleanTag);
            return get(id, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    public ImportView mapping(long id, Map<String, String> mapping, Locale locale) {
        ImportRecord imp = find(id);
        if (imp.runId() != null) {
            throw ApiProblem.conflict("problem.imports.started", id);
        }
        Map<String, Field> chosen = new LinkedHashMap<>(imp.mapping());
        chosen.putAll(validated(imp.columns(), mapping == null ? Map.of() : mapping));
        store.saveMapping(id, chosen);
        return get(id, locale);
    }

    /** Starts the import's run; 409 when it was started before. */
    public ImportView start(long id, Locale locale) {
        find(id);
        if (!store.attachRun(id, -1)) {
            throw ApiProblem.conflict("problem.imports.started", id);
        }
        try {
            var body = JsonNodeFactory.instance.objectNode().put(CsvPipeline.IMPORT_ID, String.valueOf(id));
            RunView run = runs.start(new StartRequest(CsvPipeline.SOURCE, body, null));
            store.linkRun(id, run.id());
        } catch (RuntimeException e) {
            store.unlinkRun(id);
            throw e;
        }
        return get(id, locale);
    }

    public ImportView get(long id, Locale locale) {
        ImportRecord imp = find(id);
        RunView run = imp.runId() == null || imp.runId() < 0 ? null : runs.get(imp.runId(), locale);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : ImportCounter.names()) {
            counts.put(name, run == null ? 0 : run.counts().getOrDefault(name, 0));
        }
        if (run == null) {
            counts.put(ImportCounter.ROWS.key, (int) Math.min(Integer.MAX_VALUE, imp.rows()));
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        imp.mapping().forEach((column, field) -> mapping.put(column, field == null ? null : field.json()));
        return new ImportView(
                imp.id(),
                status(imp, run),
                run == null ? null : run.id(),
                imp.fileName(),
                imp.sizeBytes(),
                imp.format().encodingName(),
                imp.format().delimiterName(),
                imp.rows(),
                imp.columns(),
                imp.sample(),
                mapping,
                imp.mappingSource(),
                imp.tag(),
                counts,
                run == null ? null : run.error(),
                imp.createdAt());
    }

    public List<ImportView> latest(Locale locale) {
        return store.latest(50).stream().map(i -> get(i.id(), locale)).toList();
    }

    /** Writes the rejected lines as CSV ({@code errors.csv}). */
    public void writeErrors(long id, java.io.OutputStream out, Locale locale) throws IOException {
        errors.write(find(id), out, locale);
    }

    ImportRecord find(long id) {
        return store.find(id).orElseThrow(() -> ApiProblem.notFound("problem.imports.unknown", String.valueOf(id)));
    }

    private static String status(ImportRecord imp, RunView run) {
        if (imp.runId() == null) {
            return "MAPPING";
        }
        if (run == null) {
            return "RUNNING"; // being started this moment
        }
        return switch (run.status()) {
            case COMPLETED -> "COMPLETED";
            case FAILED -> "FAILED";
            case STOPPED -> "STOPPED";
            default -> "RUNNING";
        };
    }

    /** The columns named exist, the fields named are fields (null or "" keeps the column as a custom field). */
    private static Map<String, Field> validated(List<String> columns, Map<String, String> mapping) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (var e : mapping.entrySet()) {
            if (!columns.contains(e.getKey())) {
                throw ApiProblem.badRequest("problem.imports.column", e.getKey(), String.join(", ", columns));
            }
            String name = e.getValue();
            if (name == null || name.isBlank()) {
                out.put(e.getKey(), null);
            } else {
                out.put(
                        e.getKey(),
                        Field.fromJson(name.strip())
                                .orElseThrow(() -> ApiProblem.badRequest(
                                        "problem.imports.field",
                                        name,
                                        String.join(
                                                ", ",
                                                java.util.Arrays.stream(Field.values())
                                                        .map(Field::json)
                                                        .toList()))));
            }
        }
        return out;
    }

    private static long copyCapped(InputStream in, Path file) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_BYTES) {
                    throw new ApiProblem(
                            HttpStatus.PAYLOAD_TOO_LARGE, "problem.imports.too-large", MAX_BYTES / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file the system cleans up
            }
        }
    }
}
