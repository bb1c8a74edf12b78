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

    /** API sort names and the SQL expressions behind them. */
    static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("id", "l.id");
        SORTS.put("username", "l.username");
        SORTS.put("fullName", "p.full_name");
        SORTS.put("bio", "p.bio");
        SORTS.put("email", "p.email");
        SORTS.put("phone", "p.phone");
        SORTS.put("website", "p.website");
        SORTS.put("followers", "p.followers");
        SORTS.put("hashtag", "l.hashtag");
        SORTS.put("keyword", "l.keyword");
        SORTS.put("foundAt", "l.found_at");
        SORTS.put("runId", "l.run_id");
        SORTS.put("duplicate", "u.c");
        SORTS.put("source", "l.source");
        SORTS.put("sentAt", "p.sent_at");
    }

    private static final String FROM =
            """
             from leads l
             left join ig_profiles p on p.username = l.username
             join (select username, count(*) as c from leads group by username) u on u.username = l.username
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
        String column = SORTS.get(sortField);
        if (column == null) {
            throw new IllegalArgumentException("unknown sort field " + sortField);
        }
        String where = runId == null ? "" : " where l.run_id = :runId";
        String order = " order by " + column + (ascending ? " asc" : " desc") + " nulls last, l.id "
                + (ascending ? "asc" : "desc");
        var select = jdbc.sql(
                        """
                        select l.id, l.run_id, l.source, l.username, l.hashtag, l.keyword, l.found_at,
                               p.full_name, p.bio, p.email, p.email_source, p.phone, p.phone_source,
                               p.website, p.website_source, p.followers, p.following, p.posts, p.verified,
                               p.draft_subject, p.draft_body, p.sent_at, u.c as occurrences
                        """
                                + FROM + where + order + " limit :limit offset :offset")
                .param("limit", size)
                .param("offset", (long) page * size);
        var count = jdbc.sql("select count(*) from leads l" + where);
        if (runId != null) {
            select = select.param("runId", runId);
            count = count.param("runId", runId);
        }
        List<LeadRow> rows = select.query(LeadQuery::row).list();
        long total = count.query(Long.class).single();
        return new LeadPage(rows, total, page, size);
    }

    /** The newest finding of a username with its profile, as the table shows it. */
    public java.util.Optional<LeadRow> latestOf(String username) {
        return jdbc.sql(
                        """
                        select l.id, l.run_id, l.source, l.username, l.hashtag, l.keyword, l.found_at,
                               p.full_name, p.bio, p.email, p.email_source, p.phone, p.phone_source,
                               p.website, p.website_source, p.followers, p.following, p.posts, p.verified,
                               p.draft_subject, p.draft_body, p.sent_at, u.c as occurrences
                        """
                                + FROM + " where l.username = :username order by l.found_at desc, l.id desc limit 1")
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
                "https://www.instagram.com/" + username.toLowerCase(Locale.ROOT) + "/",
                occurrences,
                occurrences > 1,
                rs.getString("draft_subject"),
                rs.getString("draft_body"),
                instant(rs.getTimestamp("sent_at")));
    }
}
