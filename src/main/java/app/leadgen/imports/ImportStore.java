package app.leadgen.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tables of imports: the import itself, its file in pieces (so any instance can run it, and
 * nothing depends on one machine's disk), and its rejected lines.
 */
@Component
class ImportStore {

    static final int CHUNK = 1024 * 1024;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<List<String>>> ROWS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, String>> MAPPING = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    ImportStore(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** Stores a new import with its file; returns its id. */
    long create(String fileName, Path file, CsvPreview preview, MappingProposal proposal, String tag)
            throws IOException {
        Timestamp now = Timestamp.from(clock.instant());
        long size = Files.size(file);
        Long id = tx.execute(s -> {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into imports (file_name, size_bytes, encoding, delimiter, rows_total, columns_json,"
                            + " sample_json, mapping_json, mapping_source, tag, created_at, updated_at) values (:name,"
                            + " :size, :enc, :delim, :rows, :cols, :sample, :mapping, :source, :tag, :now, :now)")
                    .param("name", fileName)
                    .param("size", size)
                    .param("enc", preview.format().encodingName())
                    .param("delim", preview.format().delimiterName())
                    .param("rows", preview.rows())
                    .param("cols", json.writeValueAsString(preview.columns()))
                    .param("sample", json.writeValueAsString(preview.sample()))
                    .param("mapping", mappingJson(proposal.mapping()))
                    .param("source", proposal.source())
                    .param("tag", tag)
                    .param("now", now)
                    .update(keys, "id");
            return keys.getKeyAs(Number.class).longValue();
        });
        storeFile(id, file);
        return id;
    }

    private void storeFile(long id, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[CHUNK];
            int seq = 0;
            int read;
            while ((read = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                byte[] piece = read == CHUNK ? buffer.clone() : java.util.Arrays.copyOf(buffer, read);
                jdbc.sql("insert into import_chunks (import_id, seq, data) values (:id, :seq, :data)")
                        .param("id", id)
                        .param("seq", seq++)
                        .param("data", piece)
                        .update();
            }
        }
    }

    /** Writes the stored file to {@code target}, piece by piece. */
    void restoreFile(long id, Path target) throws IOException {
        int pieces = jdbc.sql("select count(*) from import_chunks where import_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int seq = 0; seq < pieces; seq++) {
                byte[] data = jdbc.sql("select data from import_chunks where import_id = :id and seq = :seq")
                        .param("id", id)
                        .param("seq", seq)
                        .query(byte[].class)
                        .single();
                out.write(data);
            }
        }
    }

    /** The file is not needed any more: the import is done. */
    void dropFile(long id) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from import_chunks where import_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("update imports set file_kept = false, updated_at = :now where id = :id")
                    .param("id", id)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        });
    }

    Optional<ImportRecord> find(long id) {
        return jdbc.sql("select * from imports where id = :id")
                .param("id", id)
                .query(this::record)
                .optional();
    }

    List<ImportRecord> latest(int max) {
        return jdbc.sql("select * from imports order by id desc limit :max")
                .param("max", max)
                .query(this::record)
                .list();
    }

    void saveMapping(long id, Map<String, Field> mapping) {
        jdbc.sql("update imports set mapping_json = :m, updated_at = :now where id = :id and run_id is null")
                .param("m", mappingJson(mapping))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /** Links the import to its run; false when it has one already (started twice). */
    boolean attachRun(long id, long runId) {
        return jdbc.sql("update imports set run_id = :run, updated_at = :now where id = :id and run_id is null")
                        .param("run", runId)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update()
                == 1;
    }

    void linkRun(long id, long runId) {
        jdbc.sql("update imports set run_id = :run where id = :id")
                .param("run", runId)
                .param("id", id)
                .update();
    }

    void unlinkRun(long id) {
        jdbc.sql("update imports set run_id = null where id = :id and run_id = -1")
                .param("id", id)
                .update();
    }

    void progress(long id, long nextLine) {
        jdbc.sql("update imports set next_line = :line, updated_at = :now where id = :id")
                .param("line", nextLine)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /**
     * A line that was not imported ({@code kind} {@code rejected}) or imported without a value
     * ({@code warning}), with the reason's message key and its arguments.
     */
    record Reject(long line, String kind, String raw, String reasonKey, String reasonArgs) {}

    /** Stores these lines' rejections (a line stored before keeps its first), many rows a statement. */
    void reject(long id, List<Reject> rejects) {
        for (int from = 0; from < rejects.size(); from += 500) {
            List<Reject> part = rejects.subList(from, Math.min(rejects.size(), from + 500));
            List<Object> args = new java.util.ArrayList<>(part.size() * 6);
            for (Reject r : part) {
                String raw = r.raw().length() > 20_000 ? r.raw().substring(0, 20_000) : r.raw();
                args.addAll(java.util.Arrays.asList(id, r.line(), r.kind(), raw, r.reasonKey(), r.reasonArgs()));
            }
            jdbc.sql("insert into import_rejects (import_id, line, kind, raw, reason_key, reason_args) values "
                            + String.join(", ", java.util.Collections.nCopies(part.size(), "(?, ?, ?, ?, ?, ?)"))
                            + " on conflict do nothing")
                    .params(args)
                    .update();
        }
    }

    /** The rejected (and warned) lines in order: line, kind, raw text, reason key, reason arguments. */
    List<String[]> rejects(long id) {
        return jdbc.sql("select line, kind, raw, reason_key, reason_args from import_rejects where import_id = :id"
                        + " order by line")
                .param("id", id)
                .query((rs, n) -> new String[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                })
                .list();
    }

    private String mappingJson(Map<String, Field> mapping) {
        Map<String, String> names = new LinkedHashMap<>();
        mapping.forEach((column, field) -> names.put(column, field == null ? null : field.json()));
        return json.writeValueAsString(names);
    }

    private ImportRecord record(ResultSet rs, int n) throws SQLException {
        Map<String, Field> mapping = new LinkedHashMap<>();
        json.readValue(rs.getString("mapping_json"), MAPPING)
                .forEach((column, field) -> mapping.put(column, field == null ? null : Field.ofJson(field)));
        return new ImportRecord(
                rs.getLong("id"),
                rs.getObject("run_id", Long.class),
                rs.getString("file_name"),
                rs.getLong("size_bytes"),
                CsvFormat.of(rs.getString("encoding"), rs.getString("delimiter")),
                rs.getLong("rows_total"),
                json.readValue(rs.getString("columns_json"), STRINGS),
                json.readValue(rs.getString("sample_json"), ROWS),
                mapping,
                rs.getString("mapping_source"),
                rs.getString("tag"),
                rs.getLong("next_line"),
                rs.getBoolean("file_kept"),
                rs.getTimestamp("created_at").toInstant());
    }
}
