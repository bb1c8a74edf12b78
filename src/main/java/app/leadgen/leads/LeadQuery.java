package app.leadgen.leads;

import app.leadgen.support.Keyset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the leads table page by page: the page's ids by key from the sort column's index ({@link
 * Keyset}; every sort column is a value stored on the finding, see {@link LeadKeys}), then those
 * rows with their profile or place. Sort columns come from a fixed list; user input never reaches
 * the SQL text.
 */
@Service
public class LeadQuery {

    public static final int MAX_PAGE_SIZE = 500;
    /** Rows a page may start at, at most: a deeper OFFSET makes the database read and drop all rows before it. */
    public static final long MAX_OFFSET = 1_000_000;

    /** API sort names and the stored columns behind them (each with an index (column, id)). */
    static final Map<String, Keyset.Column> SORTS = new LinkedHashMap<>();

    static {
        sort("id", "l.id", Keyset.Kind.LONG, false);
        sort("username", "l.username", Keyset.Kind.TEXT, true);
        sort("fullName", "l.sort_full_name", Keyset.Kind.TEXT, true);
        sort("bio", "l.sort_bio", Keyset.Kind.TEXT, true);
        sort("email", "l.sort_email", Keyset.Kind.TEXT, true);
        sort("phone", "l.sort_phone", Keyset.Kind.TEXT, true);
        sort("website", "l.sort_website", Keyset.Kind.TEXT, true);
        sort("followers", "l.sort_followers", Keyset.Kind.LONG, true);
        sort("hashtag", "l.hashtag", Keyset.Kind.TEXT, true);
        sort("keyword", "l.keyword", Keyset.Kind.TEXT, true);
        sort("foundAt", "l.found_at", Keyset.Kind.TIME, false);
        sort("runId", "l.run_id", Keyset.Kind.LONG, false);
        sort("duplicate", "l.occurrences", Keyset.Kind.LONG, false);
        sort("source", "l.source", Keyset.Kind.TEXT, false);
        sort("sentAt", "l.sort_sent_at", Keyset.Kind.TIME, true);
        sort("name", "l.sort_name", Keyset.Kind.TEXT, true);
        sort("category", "l.sort_category", Keyset.Kind.TEXT, true);
        sort("city", "l.sort_city", Keyset.Kind.TEXT, true);
        sort("rating", "l.sort_rating", Keyset.Kind.DOUBLE, true);
        sort("reviewCount", "l.sort_review_count", Keyset.Kind.LONG, true);
        sort("status", "l.sort_status", Keyset.Kind.TEXT, true);
        sort("score", "l.sort_score", Keyset.Kind.LONG, true);
    }

    private static void sort(String field, String column, Keyset.Kind kind, boolean nullable) {
        SORTS.put(field, new Keyset.Column(column, kind, nullable));
    }

    /** Values of the {@code source} filter. */
    public static final List<String> SOURCES = List.of(LeadStore.SOURCE_INSTAGRAM, PlaceStore.SOURCE_PLACES);

    private static final String FROM =
            """
             from leads l
             left join ig_profiles p on p.username = l.username
             left join places pl on pl.place_id = l.place_id
            """;

    private static final String COLUMNS =
            """
            select l.id, l.run_id, l.source, l.username, l.hashtag, l.keyword, l.found_at,
                   p.full_name, p.bio, coalesce(p.email, pl.email) as email,
                   coalesce(p.email_source, pl.email_source) as email_source,
                   coalesce(p.phone, pl.phone) as phone, coalesce(p.phone_source, pl.phone_source) as phone_source,
                   coalesce(p.website, pl.website) as website,
                   coalesce(p.website_source, pl.website_source) as website_source,
                   p.followers, p.following, p.posts, p.verified,
                   p.draft_subject, p.draft_body, p.sent_at, l.occurrences,
                   pl.name, pl.place_id, pl.category, pl.address, pl.city, pl.rating, pl.review_count, pl.maps_url,
                   pl.status, pl.score, pl.score_reasons, coalesce(p.email_check, pl.email_check) as email_check,
                   pl.email_guessed, coalesce(p.contact_id, pl.contact_id) as contact_id,
                   coalesce(p.company_id, pl.company_id) as company_id
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Keyset keyset;

    LeadQuery(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.keyset = new Keyset(jdbc, "leads l", "l.id", Keyset.isPostgres(dataSource));
    }

    public static boolean isSortable(String field) {
        return SORTS.containsKey(field);
    }

    public static List<String> sortableFields() {
        return List.copyOf(SORTS.keySet());
    }

    /**
     * @param runId only this run's findings, or all when null
     * @param sortField one of {@link #sortableFields()}
     */
    public LeadPage page(Long runId, int page, int size, String sortField, boolean ascending) {
        return page(runId, null, null, page, size, sortField, ascending);
    }

    /** As below, without a cursor. */
    public LeadPage page(Long runId, String source, int page, int size, String sortField, boolean ascending) {
        return page(runId, source, null, page, size, sortField, ascending);
    }

    /**
     * One page, read by key from the sort column's index.
     *
     * @param runId only this run's findings, or all when null
     * @param source only leads of this source ({@link #SOURCES}), or all when null
     * @param cursor the {@code next} of the page before (then {@code page} is not used), or null
     * @param sortField one of {@link #sortableFields()}
     * @throws IllegalArgumentException for a cursor that is not one of this sort
     */
    public LeadPage page(
            Long runId, String source, String cursor, int page, int size, String sortField, boolean ascending) {
        Keyset.Column column = SORTS.get(sortField);
        if (column == null) {
            throw new IllegalArgumentException("unknown sort field " + sortField);
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (runId != null) {
            conditions.add("l.run_id = :runId");
            params.put("runId", runId);
        }
        if (source != null) {
            conditions.add("l.source = :source");
            params.put("source", source);
        }
        String sortText = sortField + "," + (ascending ? "asc" : "desc");
        Keyset.Page ids = keyset.page(column, ascending, sortText, conditions, params, cursor, page, size);
        Keyset.Total total = keyset.total(conditions, params);
        return new LeadPage(rows(ids.ids()), total.value(), page, size, ids.next(), total.estimate());
    }

    /** The rows of these ids, in this order. */
    private List<LeadRow> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, LeadRow> byId = new HashMap<>();
        jdbc.sql(COLUMNS + FROM + " where l.id in (:ids)")
                .param("ids", ids)
                .query(LeadQuery::row)
                .list()
                .forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Every matching row in one query, sorted as {@link #page} sorts, handed to {@code each} as the
     * database sends them ({@code fetchSize} rows at a time; on PostgreSQL only inside a transaction,
     * which the caller holds, so the rows come from one snapshot and no OFFSET walk is needed).
     */
    public void stream(
            Long runId, String source, String sortField, boolean ascending, int fetchSize, Consumer<LeadRow> each) {
        Keyset.Column column = SORTS.get(sortField);
        if (column == null) {
            throw new IllegalArgumentException("unknown sort field " + sortField);
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (runId != null) {
            conditions.add("l.run_id = :runId");
            params.put("runId", runId);
        }
        if (source != null) {
            conditions.add("l.source = :source");
            params.put("source", source);
        }
        String dir = ascending ? " asc" : " desc";
        String sql = COLUMNS + FROM + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + column.sql() + dir + " nulls last, l.id" + dir;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(fetchSize);
        int[] n = {0};
        new NamedParameterJdbcTemplate(template)
                .query(sql, params, (RowCallbackHandler) rs -> each.accept(row(rs, n[0]++)));
    }

    /** The newest finding of a username with its profile, as the table shows it. */
    public java.util.Optional<LeadRow> latestOf(String username) {
        return jdbc.sql(COLUMNS + FROM + " where l.username = :username order by l.found_at desc, l.id desc limit 1")
                .param("username", Finding.normalizeUsername(username))
                .query(LeadQuery::row)
                .optional();
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static LeadRow row(ResultSet rs, int n) throws SQLException {
        String username = rs.getString("username");
        int occurrences = rs.getInt("occurrences");
        Timestamp foundAt = rs.getTimestamp("found_at");
        return new LeadRow(
                rs.getLong("id"),
                rs.getLong("run_id"),
                rs.getString("source"),
                username,
                rs.getString("full_name"),
                rs.getString("bio"),
                rs.getString("email"),
                rs.getString("email_source"),
                rs.getString("phone"),
                rs.getString("phone_source"),
                rs.getString("website"),
                rs.getString("website_source"),
                (Long) rs.getObject("followers", Long.class),
                (Long) rs.getObject("following", Long.class),
                (Long) rs.getObject("posts", Long.class),
                (Boolean) rs.getObject("verified", Boolean.class),
                rs.getString("hashtag"),
                rs.getString("keyword"),
                foundAt == null ? null : foundAt.toInstant(),
                username == null ? null : "https://www.instagram.com/" + username.toLowerCase(Locale.ROOT) + "/",
                occurrences,
                occurrences > 1,
                rs.getString("draft_subject"),
                rs.getString("draft_body"),
                instant(rs.getTimestamp("sent_at")),
                rs.getString("name"),
                rs.getString("place_id"),
                rs.getString("category"),
                rs.getString("address"),
                rs.getString("city"),
                (Double) rs.getObject("rating", Double.class),
                (Integer) rs.getObject("review_count", Integer.class),
                rs.getString("maps_url"),
                rs.getString("status"),
                (Integer) rs.getObject("score", Integer.class),
                ScoreReason.parse(rs.getString("score_reasons")),
                rs.getString("email_check"),
                (Boolean) rs.getObject("email_guessed", Boolean.class),
                (Long) rs.getObject("contact_id", Long.class),
                (Long) rs.getObject("company_id", Long.class));
    }
}
