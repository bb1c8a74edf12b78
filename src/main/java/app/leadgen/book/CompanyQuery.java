package app.leadgen.book;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the lead book's companies page by page, filtered and sorted in the database. */
@Service
public class CompanyQuery {

    public static final String DEFAULT_SORT = "updatedAt,desc";

    static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("id", "co.id");
        SORTS.put("name", "co.name");
        SORTS.put("domain", "co.domain");
        SORTS.put("city", "co.city");
        SORTS.put("postalCode", "co.postal_code");
        SORTS.put("country", "co.country");
        SORTS.put("category", "co.category");
        SORTS.put("rating", "co.rating");
        SORTS.put("reviewCount", "co.review_count");
        SORTS.put("createdAt", "co.created_at");
        SORTS.put("updatedAt", "co.updated_at");
    }

    /** Filters of the list; null means "any". */
    public record Filter(String q, String source, String city, String category) {}

    private static final String COLUMNS =
            """
            select co.id, co.name, co.domain, co.website, co.phone, co.address, co.city, co.postal_code, co.country,
                   co.category, co.place_id, co.rating, co.review_count, co.socials, co.sources, co.created_at,
                   co.updated_at, (select count(*) from contacts c where c.company_id = co.id) as contacts
            """;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CompanyQuery(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public static List<String> sortableFields() {
        return List.copyOf(SORTS.keySet());
    }

    public static boolean isSortable(String sort) {
        return Sort.parse(sort, SORTS).isPresent();
    }

    public BookPage<CompanyItem> page(Filter filter, int page, int size, String sortText) {
        Sort sort = Sort.parse(sortText, SORTS).orElseThrow(() -> new IllegalArgumentException(sortText));
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        var select = jdbc.sql(
                COLUMNS + " from companies co" + where + sort.orderBy("co.id") + " limit :limit offset :offset");
        var count = jdbc.sql("select count(*) from companies co" + where);
        for (var e : params.entrySet()) {
            select = select.param(e.getKey(), e.getValue());
            count = count.param(e.getKey(), e.getValue());
        }
        List<CompanyItem> rows = select.param("limit", size)
                .param("offset", (long) page * size)
                .query(this::row)
                .list();
        return new BookPage<>(rows, count.query(Long.class).single(), page, size);
    }

    public Optional<CompanyItem> item(long id) {
        return jdbc.sql(COLUMNS + " from companies co where co.id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        if (f.q() != null && !f.q().isBlank()) {
            and.add("(lower(co.name) like :q or lower(co.domain) like :q or lower(co.city) like :q)");
            params.put("q", "%" + ContactQuery.like(f.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.source() != null) {
            and.add("(co.sources = :src or co.sources like :srcFirst or co.sources like :srcLast"
                    + " or co.sources like :srcMid)");
            params.put("src", f.source());
            params.put("srcFirst", f.source() + ",%");
            params.put("srcLast", "%," + f.source());
            params.put("srcMid", "%," + f.source() + ",%");
        }
        if (f.city() != null) {
            and.add("lower(co.city) = :city");
            params.put("city", f.city().strip().toLowerCase(Locale.ROOT));
        }
        if (f.category() != null) {
            and.add("co.category = :category");
            params.put("category", f.category().strip());
        }
        return and.isEmpty() ? "" : " where " + String.join(" and ", and);
    }

    private CompanyItem row(ResultSet rs, int n) throws SQLException {
        return new CompanyItem(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("domain"),
                rs.getString("website"),
                rs.getString("phone"),
                rs.getString("address"),
                rs.getString("city"),
                rs.getString("postal_code"),
                rs.getString("country"),
                rs.getString("category"),
                rs.getString("place_id"),
                rs.getObject("rating", Double.class),
                rs.getObject("review_count", Integer.class),
                socials(rs.getString("socials")),
                ContactQuery.sources(rs.getString("sources")),
                rs.getLong("contacts"),
                ContactQuery.instant(rs.getTimestamp("created_at")),
                ContactQuery.instant(rs.getTimestamp("updated_at")));
    }

    private List<String> socials(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, STRINGS);
        } catch (JacksonException e) {
            return List.of();
        }
    }
}
