package app.leadgen.leads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the leads table page by page with sorting in the database, so 20,000 rows cost no more than
 * 50. Sort columns come from a fixed list; user input never reaches the SQL text.
 */
@Service
public class LeadQuery {

    public static final int MAX_PAGE_SIZE = 500;
    /** Rows a page may start at, at most: a deeper OFFSET makes the database read and drop all rows before it. */
    public static final long MAX_OFFSET = 1_000_000;

    /** API sort names and the SQL expressions behind them. */
    static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("id", "l.id");
        SORTS.put("username", "l.username");
        SORTS.put("fullName", "p.full_name");
        SORTS.put("bio", "p.bio");
        SORTS.put("email", "coalesce(p.email, pl.email)");
        SORTS.put("phone", "coalesce(p.phone, pl.phone)");
        SORTS.put("website", "coalesce(p.website, pl.website)");
        SORTS.put("followers", "p.followers");
        SORTS.put("hashtag", "l.hashtag");
        SORTS.put("keyword", "l.keyword");
        SORTS.put("foundAt", "l.found_at");
        SORTS.put("runId", "l.run_id");
        SORTS.put("duplicate", "coalesce(u.c, 1)");
        SORTS.put("source", "l.source");
        SORTS.put("sentAt", "p.sent_at");
        SORTS.put("name", "pl.name");
        SORTS.put("category", "pl.category");
        SORTS.put("city", "pl.city");
        SORTS.put("rating", "pl.rating");
        SORTS.put("reviewCount", "pl.review_count");
        SORTS.put("status", "pl.status");
        SORTS.put("score", "pl.score");
    }

    /** Values of the {@code source} filter. */
    public static final List<String> SOURCES = List.of(LeadStore.SOURCE_INSTAGRAM, PlaceStore.SOURCE_PLACES);

    private static final String FROM =
            """
             from leads l
             left join ig_profiles p on p.username = l.username
             left join places pl on pl.place_id = l.place_id
             left join (select username, count(*) as c from leads where username is not null group by username) u
               on u.username = l.username
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
                   p.draft_subject, p.draft_body, p.sent_at, coalesce(u.c, 1) as occurrences,
                   pl.name, pl.place_id, pl.category, pl.address, pl.city, pl.rating, pl.review_count, pl.maps_url,
                   pl.status, pl.score, pl.score_reasons, coalesce(p.email_check, pl.email_check) as email_check,
                   pl.email_guessed, coalesce(p.contact_id, pl.contact_id) as contact_id,
                   coalesce(p.company_id, pl.company_id) as company_id
            """;

    private final JdbcClient jdbc;

    LeadQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return page(runId, null, page, size, sortField, ascending);
    }

    /**
     * @param runId only this run's findings, or all when null
     * @param source only leads of this source ({@link #SOURCES}), or all when null
     * @param sortField one of {@link #sortableFields()}
     */
    public LeadPage page(Long runId, String source, int page, int size, String sortField, boolean ascending) {
        String column = SORTS.get(sortField);
        if (column == null) {
            throw new IllegalArgumentException("unknown sort field " + sortField);
        }
        List<String> conditions = new java.util.ArrayList<>();
        if (runId != null) {
            conditions.add("l.run_id = :runId");
        }
        if (source != null) {
            conditions.add("l.source = :source");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        String order = " order by " + column + (ascending ? " asc" : " desc") + " nulls last, l.id "
                + (ascending ? "asc" : "desc");
        var select = jdbc.sql(COLUMNS + FROM + where + order + " limit :limit offset :offset")
                .param("limit", size)
                .param("offset", (long) page * size);
        var count = jdbc.sql("select count(*) from leads l" + where);
        if (runId != null) {
            select = select.param("runId", runId);
            count = count.param("runId", runId);
        }
        if (source != null) {
            select = select.param("source", source);
            count = count.param("source", source);
        }
        List<LeadRow> rows = select.query(LeadQuery::row).list();
        long total = count.query(Long.class).single();
        return new LeadPage(rows, total, page, size);
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
