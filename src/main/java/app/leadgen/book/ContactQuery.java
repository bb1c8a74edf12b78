package app.leadgen.book;

import app.leadgen.support.Keyset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the lead book's contacts page by page, filtered and sorted in the database. */
@Service
public class ContactQuery {

    public static final int MAX_PAGE_SIZE = 500;
    public static final String DEFAULT_SORT = "updatedAt,desc";

    /** API sort names and the stored columns behind them (each with an index (column, id)). */
    static final Map<String, Keyset.Column> SORTS = new LinkedHashMap<>();

    static {
        sort("id", "c.id", Keyset.Kind.LONG, false);
        sort("fullName", "c.full_name", Keyset.Kind.TEXT, true);
        sort("firstName", "c.first_name", Keyset.Kind.TEXT, true);
        sort("lastName", "c.last_name", Keyset.Kind.TEXT, true);
        sort("title", "c.title", Keyset.Kind.TEXT, true);
        sort("position", "c.position", Keyset.Kind.TEXT, true);
        sort("email", "c.email", Keyset.Kind.TEXT, true);
        sort("emailCheck", "c.email_check", Keyset.Kind.TEXT, true);
        sort("phone", "c.phone", Keyset.Kind.TEXT, true);
        sort("instagram", "c.instagram", Keyset.Kind.TEXT, true);
        sort("companyName", "c.sort_company", Keyset.Kind.TEXT, true);
        sort("city", "c.sort_city", Keyset.Kind.TEXT, true);
        sort("status", "c.status", Keyset.Kind.TEXT, false);
        sort("createdAt", "c.created_at", Keyset.Kind.TIME, false);
        sort("updatedAt", "c.updated_at", Keyset.Kind.TIME, false);
    }

    private static void sort(String field, String column, Keyset.Kind kind, boolean nullable) {
        SORTS.put(field, new Keyset.Column(column, kind, nullable));
    }

    /** Filters of the list; null means "any". */
    public record Filter(String q, String source, String status, Long importId, String tag, Long companyId) {}

    private static final String COLUMNS =
            """
            select c.id, c.full_name, c.first_name, c.last_name, c.title, c.position, c.email, c.email_check,
                   c.phone, c.instagram, c.linkedin, co.website, c.company_id, co.name as company_name, co.city,
                   c.status, c.sources, c.created_at, c.updated_at
            """;
    private static final String FROM = " from contacts c left join companies co on co.id = c.company_id";

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;
    private final Keyset keyset;

    ContactQuery(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.keyset = new Keyset(jdbc, "contacts c", "c.id", Keyset.isPostgres(dataSource));
    }

    public static List<String> sortableFields() {
        return List.copyOf(SORTS.keySet());
    }

    public static boolean isSortable(String sort) {
        return Sort.parse(sort, SORTS).isPresent();
    }

    public BookPage<ContactItem> page(Filter filter, int page, int size, String sortText) {
        return page(filter, null, page, size, sortText);
    }

    /**
     * One page, read by key from the sort column's index: after {@code cursor} when given, else at {@code page}.
     *
     * @throws IllegalArgumentException for an unknown sort or a cursor that is not one of this sort
     */
    public BookPage<ContactItem> page(Filter filter, String cursor, int page, int size, String sortText) {
        Sort sort = Sort.parse(sortText, SORTS).orElseThrow(() -> new IllegalArgumentException(sortText));
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = where(filter, params);
        Keyset.Page ids =
                keyset.page(sort.column(), sort.ascending(), sort.text(), conditions, params, cursor, page, size);
        Keyset.Total total = keyset.total(conditions, params);
        return new BookPage<>(withTags(rows(ids.ids())), total.value(), page, size, ids.next(), total.estimate());
    }

    private List<ContactItem> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ContactItem> byId = new HashMap<>();
        jdbc.sql(COLUMNS + FROM + " where c.id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> item(rs, List.of()))
                .list()
                .forEach(i -> byId.put(i.id(), i));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Every matching contact in one query, sorted as {@link #page} sorts, handed to {@code each} as
     * the database sends them ({@code fetchSize} rows at a time; on PostgreSQL only inside a
     * transaction, which the caller holds), with their tags read per chunk.
     */
    public void stream(Filter filter, String sortText, int fetchSize, java.util.function.Consumer<ContactItem> each) {
        Sort sort = Sort.parse(sortText, SORTS).orElseThrow(() -> new IllegalArgumentException(sortText));
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = where(filter, params);
        String dir = sort.ascending() ? " asc" : " desc";
        String sql = COLUMNS + FROM + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + sort.column().sql() + dir + " nulls last, c.id" + dir;
        org.springframework.jdbc.core.JdbcTemplate template =
                new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.setFetchSize(fetchSize);
        List<ContactItem> chunk = new ArrayList<>();
        new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(template)
                .query(sql, params, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    chunk.add(item(rs, List.of()));
                    if (chunk.size() >= fetchSize) {
                        withTags(chunk).forEach(each);
                        chunk.clear();
                    }
                });
        withTags(chunk).forEach(each);
    }

    public java.util.Optional<ContactItem> item(long id) {
        return jdbc.sql(COLUMNS + FROM + " where c.id = :id")
                .param("id", id)
                .query((rs, n) -> item(rs, List.of()))
                .optional()
                .map(i -> withTags(List.of(i)).get(0));
    }

    /** Conditions on {@code contacts c} alone, so a page's ids come from one table's indexes. */
    private static List<String> where(Filter f, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        if (f.q() != null && !f.q().isBlank()) {
            // name, e-mail, Instagram username, company and city, lower case in one stored column
            and.add("c.search_text like :q");
            params.put("q", "%" + like(f.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.source() != null) {
            and.add(
                    "(c.sources = :src or c.sources like :srcFirst or c.sources like :srcLast or c.sources like :srcMid)");
            params.put("src", f.source());
            params.put("srcFirst", f.source() + ",%");
            params.put("srcLast", "%," + f.source());
            params.put("srcMid", "%," + f.source() + ",%");
        }
        if (f.status() != null) {
            and.add("c.status = :status");
            params.put("status", f.status());
        }
        if (f.importId() != null) {
            and.add("exists (select 1 from contact_imports i where i.contact_id = c.id and i.import_id = :importId)");
            params.put("importId", f.importId());
        }
        if (f.tag() != null) {
            and.add("exists (select 1 from contact_tags t where t.contact_id = c.id and t.tag = :tag)");
            params.put("tag", f.tag());
        }
        if (f.companyId() != null) {
            and.add("c.company_id = :companyId");
            params.put("companyId", f.companyId());
        }
        return and;
    }

    /** {@code %} and {@code _} in a search are letters, not wildcards. */
    static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private List<ContactItem> withTags(List<ContactItem> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("select contact_id, tag from contact_tags where contact_id in (:ids) order by tag")
                .param("ids", rows.stream().map(ContactItem::id).toList())
                .query((rs, n) -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return rows.stream()
                .map(r -> new ContactItem(
                        r.id(),
                        r.fullName(),
                        r.firstName(),
                        r.lastName(),
                        r.title(),
                        r.position(),
                        r.email(),
                        r.emailCheck(),
                        r.phone(),
                        r.instagram(),
                        r.linkedin(),
                        r.website(),
                        r.companyId(),
                        r.companyName(),
                        r.city(),
                        r.status(),
                        r.sources(),
                        tags.getOrDefault(r.id(), List.of()),
                        r.createdAt(),
                        r.updatedAt()))
                .toList();
    }

    static ContactItem item(ResultSet rs, List<String> tags) throws SQLException {
        return new ContactItem(
                rs.getLong("id"),
                rs.getString("full_name"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("title"),
                rs.getString("position"),
                rs.getString("email"),
                rs.getString("email_check"),
                rs.getString("phone"),
                rs.getString("instagram"),
                rs.getString("linkedin"),
                rs.getString("website"),
                rs.getObject("company_id", Long.class),
                rs.getString("company_name"),
                rs.getString("city"),
                rs.getString("status"),
                sources(rs.getString("sources")),
                tags,
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    static List<String> sources(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
