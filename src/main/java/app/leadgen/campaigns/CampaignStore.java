package app.leadgen.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The table {@code campaigns}: rows in and out, and status changes as compare-and-set updates. */
@Component
class CampaignStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A stored campaign, before next send time and counts are added. */
    record Row(
            long id,
            String name,
            String status,
            String statusReason,
            CampaignSpec.AudienceSpec audience,
            long mailboxId,
            Long productId,
            List<CampaignSpec.Step> steps,
            String provider,
            String model,
            boolean attachProposal,
            boolean trackOpens,
            boolean trackClicks,
            boolean requireApproval,
            CampaignSpec.Window window,
            boolean sourceNotice,
            Instant createdAt,
            Instant updatedAt,
            Instant startedAt,
            Instant endedAt) {

        Campaign view(Instant nextSendAt, Map<String, Long> counts) {
            return new Campaign(
                    id,
                    name,
                    status,
                    statusReason,
                    audience,
                    mailboxId,
                    productId,
                    steps,
                    provider,
                    model,
                    attachProposal,
                    trackOpens,
                    trackClicks,
                    requireApproval,
                    window,
                    sourceNotice,
                    createdAt,
                    updatedAt,
                    startedAt,
                    endedAt,
                    nextSendAt,
                    counts);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(CampaignSpec s) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        bind(
                        jdbc.sql(
                                "insert into campaigns (name, status, audience, mailbox_id, product_id, steps, provider, model,"
                                        + " attach_proposal, track_opens, track_clicks, require_approval, window_from, window_to,"
                                        + " window_zone, window_days, source_notice, created_at, updated_at) values (:name, 'DRAFT',"
                                        + " :audience, :mailbox, :product, :steps, :provider, :model, :attach, :opens, :clicks,"
                                        + " :approval, :wfrom, :wto, :wzone, :wdays, :notice, :now, :now)"),
                        s)
                .param("now", now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void update(long id, CampaignSpec s) {
        bind(
                        jdbc.sql(
                                "update campaigns set name = :name, audience = :audience, mailbox_id = :mailbox, product_id ="
                                        + " :product, steps = :steps, provider = :provider, model = :model, attach_proposal ="
                                        + " :attach, track_opens = :opens, track_clicks = :clicks, require_approval = :approval,"
                                        + " window_from = :wfrom, window_to = :wto, window_zone = :wzone, window_days = :wdays,"
                                        + " source_notice = :notice, updated_at = :now where id = :id"),
                        s)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, CampaignSpec s) {
        return sql.param("name", s.name())
                .param("audience", JSON.writeValueAsString(s.audience()))
                .param("mailbox", s.mailboxId())
                .param("product", s.productId())
                .param("steps", JSON.writeValueAsString(s.steps()))
                .param("provider", s.provider())
                .param("model", s.model())
                .param("attach", Boolean.TRUE.equals(s.attachProposal()))
                .param("opens", Boolean.TRUE.equals(s.trackOpens()))
                .param("clicks", Boolean.TRUE.equals(s.trackClicks()))
                .param("approval", Boolean.TRUE.equals(s.requireApproval()))
                .param("wfrom", s.window().from())
                .param("wto", s.window().to())
                .param("wzone", s.window().zone())
                .param("wdays", String.join(",", s.window().days()))
                .param("notice", Boolean.TRUE.equals(s.sourceNotice()));
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select * from campaigns where id = :id")
                .param("id", id)
                .query(CampaignStore::row)
                .optional();
    }

    List<Row> all() {
        return jdbc.sql("select * from campaigns order by id desc")
                .query(CampaignStore::row)
                .list();
    }

    List<Row> withStatus(String status) {
        return jdbc.sql("select * from campaigns where status = :s order by id")
                .param("s", status)
                .query(CampaignStore::row)
                .list();
    }

    /** Moves the campaign from one of {@code from} to {@code to}; false when it was in none of them. */
    boolean move(long id, List<String> from, String to, String reason) {
        Instant now = clock.instant();
        return jdbc.sql("update campaigns set status = :to, status_reason = :reason, updated_at = :now,"
                                + " started_at = case when :to = 'SENDING' and started_at is null then :now else"
                                + " started_at end, ended_at = case when :to in ('COMPLETED', 'STOPPED') then :now"
                                + " else ended_at end where id = :id and status in (:from)")
                        .param("to", to)
                        .param("reason", reason)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("from", from)
                        .update()
                > 0;
    }

    void delete(long id) {
        jdbc.sql("delete from campaign_messages where campaign_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from campaigns where id = :id").param("id", id).update();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("status"),
                rs.getString("status_reason"),
                JSON.readValue(rs.getString("audience"), CampaignSpec.AudienceSpec.class),
                rs.getLong("mailbox_id"),
                rs.getObject("product_id", Long.class),
                JSON.readValue(rs.getString("steps"), new TypeReference<List<CampaignSpec.Step>>() {}),
                rs.getString("provider"),
                rs.getString("model"),
                rs.getBoolean("attach_proposal"),
                rs.getBoolean("track_opens"),
                rs.getBoolean("track_clicks"),
                rs.getBoolean("require_approval"),
                new CampaignSpec.Window(
                        rs.getString("window_from"),
                        rs.getString("window_to"),
                        rs.getString("window_zone"),
                        Arrays.asList(rs.getString("window_days").split(","))),
                rs.getBoolean("source_notice"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
