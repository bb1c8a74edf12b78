package app.leadgen.book;

import app.leadgen.support.Keyset;
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

    /** API sort names and the stored columns behind them (each with an index (column, id)). */
    static final Map<String, Keyset.Column> SORTS = new LinkedHashMap<>();

    static {
        sort("id", "co.id", Keyset.Kind.LONG, false);
        sort("name", "co.name", Keyset.Kind.TEXT, true);
        sort("domain", "co.domain", Keyset.Kind.TEXT, true);
        sort("city", "co.city", Keyset.Kind.TEXT, true);
        sort("postalCode", "co.postal_code", Keyset.Kind.TEXT, true);
        sort("country", "co.country", Keyset.Kind.TEXT, true);
        sort("category", "co.category", Keyset.Kind.TEXT, true);
        sort("rating", "co.rating", Keyset.Kind.DOUBLE, true);
        sort("reviewCount", "co.review_count", Keyset.Kind.LONG, true);
        sort("createdAt", "co.created_at", Keyset.Kind.TIME, false);
        sort("updatedAt", "co.updated_at", Keyset.Kind.TIME, false);
    }

    private static void sort(String field, String column, Keyset.Kind kind, boolean nullable) {
        SORTS.put(field, new Keyset.Column(column, kind, nullable));
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
    private final Keyset keyset;

    CompanyQuery(JdbcClient jdbc, JsonMapper json, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.json = json;
        this.keyset = new Keyset(jdbc, "companies co", "co.id", Keyset.isPostgres(dataSource));
    }

    public static List<String> sortableFields() {
        return List.copyOf(SORTS.keySet());
    }

    public static boolean isSortable(String sort) {
        return Sort.parse(sort, SORTS).isPresent();
    }

    public BookPage<CompanyItem> page(Filter filter, int page, int size, String sortText) {
        return page(filter, null, page, size, sortText);
    }

    /**
     * One page, read by key from the sort column's index: after {@code cursor} when given, else at {@code page}.
     *
     * @throws IllegalArgumentException for an unknown sort or a cursor that is not one of this sort
     */
    public BookPage<CompanyItem> page(Filter filter, String cursor, int page, int size, String sortText) {
        Sort sort = Sort.parse(sortText, SORTS).orElseThrow(() -> new IllegalArgumentException(sortText));
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = where(filter, params);
        Keyset.Page ids =
                keyset.page(sort.column(), sort.ascending(), sort.text(), conditions, params, cursor, page, size);
        Keyset.Total total = keyset.total(conditions, params);
        List<CompanyItem> rows = new ArrayList<>();
        if (!ids.ids().isEmpty()) {
            Map<Long, CompanyItem> byId = new HashMap<>();
            jdbc.sql(COLUMNS + " from companies co where co.id in (:ids)")
                    .param("ids", ids.ids())
                    .query(this::row)
                    .list()
                    .forEach(i -> byId.put(i.id(), i));
            ids.ids().stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(rows::add);
        }
        return new BookPage<>(rows, total.value(), page, size, ids.next(), total.estimate());
    }

    public Optional<CompanyItem> item(long id) {
        return jdbc.sql(COLUMNS + " from companies co where co.id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    private static List<String> where(Filter f, Map<String, Object> params) {
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
        return and;
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
