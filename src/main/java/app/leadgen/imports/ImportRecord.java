package app.leadgen.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code imports}: the uploaded file as it was read, the mapping chosen for it and how far
 * its run has got.
 *
 * @param runId the run that imports it; null while the mapping is being chosen
 * @param mapping every column of the header to its field, or null for a custom field
 * @param nextLine the first physical line not yet imported
 */
record ImportRecord(
        long id,
        Long runId,
        String fileName,
        long sizeBytes,
        CsvFormat format,
        long rows,
        List<String> columns,
        List<List<String>> sample,
        Map<String, Field> mapping,
        String mappingSource,
        String tag,
        long nextLine,
        boolean fileKept,
        Instant createdAt) {}
