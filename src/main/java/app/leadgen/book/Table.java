package app.leadgen.book;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Inserts and updates rows of {@code contacts} or {@code companies} with the columns a merge
 * decided on. Column names come from a fixed list (never from input), values are bound.
 */
final class Table implements Rows {

    private final JdbcClient jdbc;
    private final String name;
    private final Set<String> columns;

    Table(JdbcClient jdbc, String name, Set<String> columns) {
        this.jdbc = jdbc;
        this.name = name;
        this.columns = columns;
    }

    /** The row's data columns (without id and times), or empty when it is gone. */
    @Override
    public Optional<Map<String, Object>> read(long id) {
        String select = "select " + String.join(", ", columns) + " from " + name + " where id = :id";
        return jdbc.sql(select)
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String c : columns) {
                        row.put(c, rs.getObject(c));
                    }
                    return row;
                })
                .optional();
    }

    @Override
    public Optional<Long> idWhere(String column, Object value) {
        check(column);
        return jdbc.sql("select id from " + name + " where " + column + " = :v order by id limit 1")
                .param("v", value)
                .query(Long.class)
                .optional();
    }

    @Override
    public long insert(Map<String, Object> values, Instant now) {
        values.keySet().forEach(this::check);
        String cols = String.join(", ", values.keySet());
        String params = values.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        var spec = jdbc.sql("insert into " + name + " (" + cols + ", created_at, updated_at) values (" + params
                + ", :createdAt, :updatedAt)");
        for (var e : values.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        KeyHolder keys = new GeneratedKeyHolder();
        spec.param("createdAt", Timestamp.from(now))
                .param("updatedAt", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    @Override
    public void update(long id, Map<String, Object> values, Instant now) {
        if (values.isEmpty()) {
            return;
        }
        values.keySet().forEach(this::check);
        String sets = values.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
        var spec = jdbc.sql("update " + name + " set " + sets + ", updated_at = :updatedAt where id = :id");
        for (var e : values.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.param("updatedAt", Timestamp.from(now)).param("id", id).update();
    }

    String name() {
        return name;
    }

    java.util.Set<String> columns() {
        return columns;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    void check(String column) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("not a column of " + name + ": " + column);
        }
    }
}
