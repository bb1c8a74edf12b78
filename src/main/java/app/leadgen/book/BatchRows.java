package app.leadgen.book;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * The rows a batch of merges needs, read in a few queries before and written after: lookups by the
 * identity columns come from memory (including rows the batch created), and every write waits for
 * {@link #flush}. A new row gets a negative stand-in id until then; {@link #realId} gives the id
 * the database assigned. Writes go out as JDBC batches (one round trip per few hundred rows instead
 * of one per row: what makes a large import fast).
 */
final class BatchRows implements Rows {

    private static final int IN_LIST = 500;
    private static final int WRITE_BATCH = 500;

    private final Table table;
    private final JdbcTemplate jdbc;
    private final Set<String> keyColumns;
    private final Map<Long, Map<String, Object>> rows = new HashMap<>();
    private final Map<String, Map<Object, Long>> index = new HashMap<>();
    private final Map<Long, Map<String, Object>> dirty = new LinkedHashMap<>();
    private final Map<Long, Map<String, Object>> pending = new LinkedHashMap<>();
    private final Map<Long, Long> assigned = new HashMap<>();
    private long nextStandIn = -1;

    BatchRows(Table table, JdbcTemplate jdbc, Set<String> keyColumns) {
        this.table = table;
        this.jdbc = jdbc;
        this.keyColumns = keyColumns;
        keyColumns.forEach(c -> index.put(c, new HashMap<>()));
    }

    /** Reads every row whose key column has one of these values (column → values). */
    void prefetch(Map<String, ? extends java.util.Collection<Object>> keys) {
        String select = "select id, " + String.join(", ", table.columns()) + " from " + table.name() + " where ";
        keys.forEach((column, values) -> {
            if (!keyColumns.contains(column) || values.isEmpty()) {
                return;
            }
            List<Object> all = new ArrayList<>(values);
            for (int i = 0; i < all.size(); i += IN_LIST) {
                table.jdbc()
                        .sql(select + column + " in (:v) order by id")
                        .param("v", all.subList(i, Math.min(all.size(), i + IN_LIST)))
                        .query((rs, n) -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (String c : table.columns()) {
                                row.put(c, rs.getObject(c));
                            }
                            remember(rs.getLong("id"), row);
                            return null;
                        })
                        .list();
            }
        });
    }

    @Override
    public Optional<Long> idWhere(String column, Object value) {
        Map<Object, Long> byValue = index.get(column);
        return byValue == null ? table.idWhere(column, value) : Optional.ofNullable(byValue.get(value));
    }

    @Override
    public Optional<Map<String, Object>> read(long id) {
        Map<String, Object> row = rows.get(id);
        if (row == null) {
            Optional<Map<String, Object>> fresh = table.read(id);
            fresh.ifPresent(r -> remember(id, r));
            return fresh.map(LinkedHashMap::new);
        }
        return Optional.of(new LinkedHashMap<>(row));
    }

    @Override
    public long insert(Map<String, Object> values, Instant now) {
        values.keySet().forEach(table::check);
        long id = nextStandIn--;
        pending.put(id, new LinkedHashMap<>(values));
        Map<String, Object> row = new LinkedHashMap<>();
        table.columns().forEach(c -> row.put(c, values.get(c)));
        remember(id, row);
        return id;
    }

    /** The database's id of a row: itself for a stored row, the assigned one for a row inserted by {@link #flush}. */
    long realId(long id) {
        if (id > 0) {
            return id;
        }
        Long real = assigned.get(id);
        if (real == null) {
            throw new IllegalStateException("row " + id + " of " + table.name() + " is not written yet");
        }
        return real;
    }

    @Override
    public void update(long id, Map<String, Object> values, Instant now) {
        if (values.isEmpty()) {
            return;
        }
        Map<String, Object> row = rows.computeIfAbsent(id, k -> new LinkedHashMap<>());
        row.putAll(values);
        values.forEach((column, value) -> {
            if (keyColumns.contains(column) && value != null) {
                index.get(column).putIfAbsent(value, id);
            }
        });
        values.keySet().forEach(table::check);
        Map<String, Object> newRow = pending.get(id);
        if (newRow != null) {
            newRow.putAll(values);
        } else {
            dirty.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(values);
        }
    }

    /** Inserts the new rows and writes the collected updates, in batches of rows with the same columns. */
    void flush(Instant now) {
        Timestamp at = Timestamp.from(now);
        byColumns(pending).forEach((columns, ids) -> insert(columns, ids, at));
        pending.clear();
        byColumns(dirty).forEach((columns, ids) -> {
            String sets = columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
            List<Object[]> args = new ArrayList<>(ids.size());
            for (long id : ids) {
                List<Object> a = new ArrayList<>();
                columns.forEach(c -> a.add(dirty.get(id).get(c)));
                a.add(at);
                a.add(id);
                args.add(a.toArray());
            }
            jdbc.batchUpdate(
                    "update " + table.name() + " set " + sets + ", updated_at = ? where id = ?",
                    args,
                    WRITE_BATCH,
                    (ps, a) -> {
                        for (int i = 0; i < a.length; i++) {
                            StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, a[i]);
                        }
                    });
        });
        dirty.clear();
    }

    private void insert(List<String> columns, List<Long> standIns, Timestamp at) {
        String sql = "insert into " + table.name() + " (" + String.join(", ", columns) + ", created_at, updated_at)"
                + " values (" + "?, ".repeat(columns.size()) + "?, ?)";
        for (int from = 0; from < standIns.size(); from += WRITE_BATCH) {
            List<Long> part = standIns.subList(from, Math.min(standIns.size(), from + WRITE_BATCH));
            jdbc.execute((ConnectionCallback<Void>) con -> {
                try (PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"})) {
                    for (long standIn : part) {
                        Map<String, Object> values = pending.get(standIn);
                        int i = 1;
                        for (String c : columns) {
                            StatementCreatorUtils.setParameterValue(ps, i++, SqlTypeValue.TYPE_UNKNOWN, values.get(c));
                        }
                        ps.setTimestamp(i++, at);
                        ps.setTimestamp(i, at);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    int n = 0;
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        while (keys.next() && n < part.size()) {
                            assigned.put(part.get(n++), keys.getLong(1));
                        }
                    }
                    if (n != part.size()) {
                        throw new IllegalStateException(
                                "the database gave " + n + " ids for " + part.size() + " new rows of " + table.name());
                    }
                }
                return null;
            });
        }
    }

    /** Row ids grouped by the exact columns they write, in the order the rows came. */
    private static Map<List<String>, List<Long>> byColumns(Map<Long, Map<String, Object>> writes) {
        Map<List<String>, List<Long>> groups = new LinkedHashMap<>();
        writes.forEach((id, values) -> groups.computeIfAbsent(List.copyOf(values.keySet()), k -> new ArrayList<>())
                .add(id));
        return groups;
    }

    private void remember(long id, Map<String, Object> row) {
        rows.putIfAbsent(id, row);
        for (String column : keyColumns) {
            Object value = row.get(column);
            if (value != null) {
                index.get(column).putIfAbsent(value, id);
            }
        }
    }
}
