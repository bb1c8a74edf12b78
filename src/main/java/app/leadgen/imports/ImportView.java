package app.leadgen.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import as {@code GET /api/imports/{id}} shows it.
 *
 * @param status {@code MAPPING} (the mapping is being chosen), then the run's: {@code RUNNING}
 *     (also while queued), {@code COMPLETED}, {@code FAILED}, {@code STOPPED}
 * @param mapping every column to its field, or null (kept as a custom field)
 * @param mappingSource where the proposal came from: {@code llm:<model>} or {@code synonyms}
 * @param counts {@code rows, imported, contactsCreated, contactsUpdated, companiesCreated,
 *     companiesUpdated, duplicatesInFile, invalid, suppressed}
 * @param error why the run failed, in the reader's language
 */
public record ImportView(
        long id,
        String status,
        Long runId,
        String fileName,
        long sizeBytes,
        String encoding,
        String delimiter,
        long rows,
        List<String> columns,
        List<List<String>> sample,
        Map<String, String> mapping,
        String mappingSource,
        String tag,
        Map<String, Integer> counts,
        String error,
        Instant createdAt) {}
