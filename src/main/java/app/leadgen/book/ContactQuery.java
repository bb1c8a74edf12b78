package app.leadgen.book;

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

    /** API sort names and the SQL behind them; user input never reaches the SQL text. */
    static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("id", "c.id");
        SORTS.put("fullName", "c.full_name");
        SORTS.put("firstName", "c.first_name");
        SORTS.put("lastName", "c.last_name");
        SORTS.put("title", "c.title");
        SORTS.put("position", "c.position");
        SORTS.put("email", "c.email");
        SORTS.put("emailCheck", "c.email_check");
        SORTS.put("phone", "c.phone");
        SORTS.put("instagram", "c.instagram");
        SORTS.put("companyName", "co.name");
        SORTS.put("city", "co.city");
        SORTS.put("status", "c.status");
        SORTS.put("createdAt", "c.created_at");
        SORTS.put("updatedAt", "c.updated_at");
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

    ContactQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sortableFields() {
        return List.copyOf(SORTS.keySet());
    }

    public static boolean isSortable(String sort) {
        return Sort.parse(sort, SORTS).isPresent();
    }

    public BookPage<ContactItem> page(Filter filter, int page, int size, String sortText) {
        Sort sort = Sort.parse(sortText, SORTS).orElseThrow(() -> new IllegalArgumentException(sortText));
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        var select = jdbc.sql(COLUMNS + FROM + where + sort.orderBy("c.id") + " limit :limit offset :offset");
        var count = jdbc.sql("select count(*)" + FROM + where);
        for (var e : params.entrySet()) {
            select = select.param(e.getKey(), e.getValue());
            count = count.param(e.getKey(), e.getValue());
        }
        List<ContactItem> rows = select.param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> item(rs, List.of()))
                .list();
        return new BookPage<>(withTags(rows), count.query(Long.class).single(), page, size);
    }

    public java.util.Optional<ContactItem> item(long id) {
        return jdbc.sql(COLUMNS + FROM + " where c.id = :id")
                .param("id", id)
                .query((rs, n) -> item(rs, List.of()))
                .optional()
                .map(i -> withTags(List.of(i)).get(0));
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        if (f.q() != null && !f.q().isBlank()) {
            and.add("(lower(c.full_name) like :q or lower(c.email) like :q or lower(co.name) like :q"
                    + " or lower(co.city) like :q or lower(c.instagram) like :q)");
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
        return and.isEmpty() ? "" : " where " + String.join(" and ", and);
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
