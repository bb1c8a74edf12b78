package app.leadgen.support;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Paging of a big table by key: one stored sort column with an index {@code (column, id)}, the id
 * as tie-breaker, empty values last in both directions. A page is read from the index in two steps
 * (the rows with a value, then the empty ones by id), so one ascending index serves both
 * directions and "nulls last" needs no expression. The answer's {@code next} is an opaque cursor
 * (base64url of sort, part, id and value) that the next request passes back as {@code cursor=};
 * rows added meanwhile never shift or repeat rows. {@code page=} (OFFSET) still works.
 *
 * <p>Only the ids are read here, from the one table the filters name; the caller loads the rows of
 * a page by id with whatever joins it shows.
 */
public final class Keyset {

    /** Up to this many matching rows the total is counted exactly; above, it is estimated. */
    public static final int EXACT_UP_TO = 10_000;

    public enum Kind {
        TEXT,
        LONG,
        DOUBLE,
        TIME
    }

    /** A stored sort column: its SQL (from a fixed list, never input), its type, whether it may be empty. */
    public record Column(String sql, Kind kind, boolean nullable) {}

    /** The ids of one page in order, and the cursor of the page after it (null: this was the last). */
    public record Page(List<Long> ids, String next) {}

    /** How many rows match: exact, or estimated when more than {@link #EXACT_UP_TO}. */
    public record Total(long value, boolean estimate) {}

    private record Hit(long id, Object key, boolean empty) {}

    private record Position(boolean empty, long id, Object value) {}

    private final JdbcClient jdbc;
    private final String from;
    private final String id;
    private final boolean postgres;

    /**
     * @param from the table with its alias, e.g. {@code leads l}
     * @param id the id column with the alias, e.g. {@code l.id}
     */
    public Keyset(JdbcClient jdbc, String from, String id, boolean postgres) {
        this.jdbc = jdbc;
        this.from = from;
        this.id = id;
        this.postgres = postgres;
    }

    /**
     * One page: after {@code cursor} when given, else at {@code page} (page 0 is read by key too).
     *
     * @param sort the request's sort text; a cursor of another sort is refused
     * @param conditions filters on the table, joined with and; their values in {@code params}
     * @throws IllegalArgumentException for a cursor that is not one of ours or belongs to another sort
     */
    public Page page(
            Column column,
            boolean ascending,
            String sort,
            List<String> conditions,
            Map<String, Object> params,
            String cursor,
            int page,
            int size) {
        List<Hit> hits;
        if (cursor == null && page > 0) {
            hits = byOffset(column, ascending, conditions, params, (long) page * size, size);
        } else {
            hits = byKey(
                    column, ascending, conditions, params, cursor == null ? null : decode(cursor, sort, column), size);
        }
        List<Long> ids = hits.stream().map(Hit::id).toList();
        String next = null;
        if (hits.size() == size) {
            Hit last = hits.get(hits.size() - 1);
            next = encode(sort, last.empty(), last.id(), last.key());
        }
        return new Page(ids, next);
    }

    /** Exact up to {@link #EXACT_UP_TO}; above, PostgreSQL's planner estimate (H2 counts: it is small). */
    public Total total(List<String> conditions, Map<String, Object> params) {
        String where = where(conditions);
        long capped = bind(
                        jdbc.sql("select count(*) from (select 1 from " + from + where + " limit " + (EXACT_UP_TO + 1)
                                + ") x"),
                        params)
                .query(Long.class)
                .single();
        if (capped <= EXACT_UP_TO) {
            return new Total(capped, false);
        }
        if (!postgres) {
            return new Total(
                    bind(jdbc.sql("select count(*) from " + from + where), params)
                            .query(Long.class)
                            .single(),
                    false);
        }
        String plan = bind(jdbc.sql("explain (format json) select 1 from " + from + where), params)
                .query(String.class)
                .single();
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)")
                .matcher(plan);
        long estimate = rows.find() ? (long) Double.parseDouble(rows.group(1)) : capped;
        return new Total(Math.max(estimate, EXACT_UP_TO + 1), true);
    }

    private List<Hit> byKey(
            Column column,
            boolean ascending,
            List<String> conditions,
            Map<String, Object> params,
            Position after,
            int size) {
        String dir = ascending ? " asc" : " desc";
        String op = ascending ? ">" : "<";
        Map<String, Object> p = new HashMap<>(params);
        List<Hit> hits = new ArrayList<>();
        if (after == null || !after.empty()) {
            List<String> and = new ArrayList<>(conditions);
            if (column.nullable()) {
                and.add(column.sql() + " is not null");
            }
            if (after != null) {
                // "col <= v" is the index's range; the rest picks the rows after the cursor within it
                and.add(column.sql() + " " + op + "= :kValue and (" + column.sql() + " " + op + " :kValue or " + id
                        + " " + op + " :kId)");
                p.put("kValue", bindable(after.value()));
                p.put("kId", after.id());
            }
            String sql = "select " + id + ", " + column.sql() + " from " + from + where(and) + " order by "
                    + column.sql() + dir + ", " + id + dir + " limit " + size;
            hits.addAll(bind(jdbc.sql(sql), p)
                    .query((rs, n) -> new Hit(rs.getLong(1), key(rs, column.kind()), false))
                    .list());
        }
        if (hits.size() < size && column.nullable()) {
            List<String> and = new ArrayList<>(conditions);
            and.add(column.sql() + " is null");
            if (after != null && after.empty()) {
                and.add(id + " " + op + " :kId");
                p.put("kId", after.id());
            }
            String sql = "select " + id + " from " + from + where(and) + " order by " + id + dir + " limit "
                    + (size - hits.size());
            hits.addAll(bind(jdbc.sql(sql), p)
                    .query((rs, n) -> new Hit(rs.getLong(1), null, true))
                    .list());
        }
        return hits;
    }

    private List<Hit> byOffset(
            Column column,
            boolean ascending,
            List<String> conditions,
            Map<String, Object> params,
            long offset,
            int size) {
        String dir = ascending ? " asc" : " desc";
        String sql = "select " + id + ", " + column.sql() + " from " + from + where(conditions) + " order by "
                + column.sql() + dir + " nulls last, " + id + dir + " limit " + size + " offset " + offset;
        return bind(jdbc.sql(sql), params)
                .query((rs, n) -> {
                    Object key = key(rs, column.kind());
                    return new Hit(rs.getLong(1), key, key == null);
                })
                .list();
    }

    /** True when the data source is PostgreSQL (estimates, trigram search); else H2. */
    public static boolean isPostgres(javax.sql.DataSource dataSource) {
        try {
            String name = org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(
                    dataSource, java.sql.DatabaseMetaData::getDatabaseProductName);
            return name != null && name.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
            return false;
        }
    }

    private static Object key(ResultSet rs, Kind kind) throws SQLException {
        return switch (kind) {
            case TEXT -> rs.getString(2);
            case LONG -> rs.getObject(2) == null ? null : rs.getLong(2);
            case DOUBLE -> rs.getObject(2) == null ? null : rs.getDouble(2);
            case TIME -> {
                Timestamp t = rs.getTimestamp(2);
                yield t == null ? null : t.toInstant();
            }
        };
    }

    private static Object bindable(Object value) {
        return value instanceof Instant i ? Timestamp.from(i) : value;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    static String encode(String sort, boolean empty, long id, Object value) {
        String v = value == null ? "" : value instanceof Instant i ? i.toString() : value.toString();
        String text = sort + "\n" + (empty ? "n" : "v") + "\n" + id + "\n" + v;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor, String sort, Column column) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("\n", 4);
            if (parts.length != 4 || !parts[0].equals(sort) || !(parts[1].equals("n") || parts[1].equals("v"))) {
                throw new IllegalArgumentException("not a cursor of this sort");
            }
            boolean empty = parts[1].equals("n");
            long rowId = Long.parseLong(parts[2]);
            if (empty) {
                return new Position(true, rowId, null);
            }
            Object value =
                    switch (column.kind()) {
                        case TEXT -> parts[3];
                        case LONG -> Long.parseLong(parts[3]);
                        case DOUBLE -> Double.parseDouble(parts[3]);
                        case TIME -> Instant.parse(parts[3]);
                    };
            return new Position(false, rowId, value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid cursor", e);
        }
    }
}
