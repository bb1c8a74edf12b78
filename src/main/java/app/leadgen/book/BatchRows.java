package app.leadgen.book;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows a batch of merges needs, read in a few queries before and written after: lookups by the
 * identity columns come from memory (including rows the batch created), updates are collected per
 * row and written once at the end. New rows are inserted at once (their id is needed).
 */
final class BatchRows implements Rows {

    private static final int IN_LIST = 500;

    private final Table table;
    private final Set<String> keyColumns;
    private final Map<Long, Map<String, Object>> rows = new HashMap<>();
    private final Map<String, Map<Object, Long>> index = new HashMap<>();
    private final Map<Long, Map<String, Object>> dirty = new LinkedHashMap<>();

    BatchRows(Table table, Set<String> keyColumns) {
        this.table = table;
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
        long id = table.insert(values, now);
        Map<String, Object> row = new LinkedHashMap<>();
        table.columns().forEach(c -> row.put(c, values.get(c)));
        remember(id, row);
        return id;
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
        dirty.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(values);
    }

    /** Writes the collected updates, one statement per changed row. */
    void flush(Instant now) {
        dirty.forEach((id, values) -> table.update(id, values, now));
        dirty.clear();
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
