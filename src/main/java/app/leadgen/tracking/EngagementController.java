package app.leadgen.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a contact did with the mails sent to them (every role reads): seed 002 §6's first-opened and
 * first-clicked times (human events only), when they unsubscribed, and the counts of human and
 * machine events. Kept with the events, so the lead book's table stays as it is.
 */
@RestController
@Tag(name = "Tracking", description = "Opens, clicks, unsubscribes and bounces of sent mails")
class EngagementController {

    private final JdbcClient jdbc;

    EngagementController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Engagement(
            long contactId,
            long mails,
            Instant firstOpenedAt,
            Instant firstClickedAt,
            Instant unsubscribedAt,
            Instant bouncedAt,
            Instant repliedAt,
            long opens,
            long opensHuman,
            long clicks,
            long clicksHuman) {}

    @GetMapping("/api/contacts/{id}/engagement")
    @Operation(
            summary =
                    "First open and click (people only, not image proxies or link scanners), unsubscribe, bounce, first reply,"
                            + " and how many opens and clicks came from people and from machines")
    Engagement engagement(@PathVariable long id) {
        long mails = jdbc.sql("select count(*) from tracked_mails where contact_id = :id and sent_at is not null")
                .param("id", id)
                .query(Long.class)
                .single();
        return jdbc.sql("select"
                        + " min(case when event_type = 'open' and not machine then occurred_at end) as first_open,"
                        + " min(case when event_type = 'click' and not machine then occurred_at end) as first_click,"
                        + " min(case when event_type = 'unsubscribe' then occurred_at end) as unsubscribed,"
                        + " min(case when event_type = 'bounce' then occurred_at end) as bounced,"
                        + " min(case when event_type = 'reply' and not machine then occurred_at end) as replied,"
                        + " sum(case when event_type = 'open' then 1 else 0 end) as opens,"
                        + " sum(case when event_type = 'open' and not machine then 1 else 0 end) as opens_human,"
                        + " sum(case when event_type = 'click' then 1 else 0 end) as clicks,"
                        + " sum(case when event_type = 'click' and not machine then 1 else 0 end) as clicks_human"
                        + " from email_events where contact_id = :id")
                .param("id", id)
                .query((rs, n) -> new Engagement(
                        id,
                        mails,
                        instant(rs.getTimestamp("first_open")),
                        instant(rs.getTimestamp("first_click")),
                        instant(rs.getTimestamp("unsubscribed")),
                        instant(rs.getTimestamp("bounced")),
                        instant(rs.getTimestamp("replied")),
                        rs.getLong("opens"),
                        rs.getLong("opens_human"),
                        rs.getLong("clicks"),
                        rs.getLong("clicks_human")))
                .single();
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
