package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pace the send loop keeps, with a clock the test moves: the mailbox's interval, the recipient
 * domain's gap, the hourly cap, the window (and the next send time it shows).
 */
class CampaignPacingTest extends CampaignTestBase {

    @Test
    void theIntervalKeepsTwoMailsOfAMailboxApart() throws Exception {
        String u = unique();
        long a = contact("A", "a@a-" + u + ".de", "Köln", "bakery", "ok");
        long b = contact("B", "b@b-" + u + ".de", "Köln", "bakery", "ok");
        long campaign = campaign(mailbox(360, 100, 300), List.of(a, b), "");
        started(campaign);

        assertThat(loop.tick()).isEqualTo(1);
        Instant first = CLOCK.instant();
        JsonNode c = api.get("/api/campaigns/" + campaign).json();
        assertThat(Instant.parse(c.path("nextSendAt").asString())).isEqualTo(first.plusSeconds(360));
        CLOCK.advance(Duration.ofSeconds(359));
        assertThat(loop.tick()).isZero();
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(loop.tick()).isEqualTo(1);

        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        List<Instant> sent = sentTimes(campaign);
        assertThat(Duration.between(sent.get(0), sent.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(360));
    }

    @org.springframework.beans.factory.annotation.Autowired
    Pacing pacing;

    /**
     * Another instance has claimed a mail of the mailbox and is still waiting for its SMTP server:
     * nothing else of the mailbox goes, however long that takes, and the interval counts from the
     * end of that send (counted from its claim, a slow send let the next mail follow it too closely).
     */
    @Test
    void aSendInFlightElsewhereHoldsTheMailboxAndTheIntervalCountsFromItsEnd() throws Exception {
        String u = unique();
        long a = contact("A", "a@fa-" + u + ".de", "Köln", "bakery", "ok");
        long b = contact("B", "b@fb-" + u + ".de", "Köln", "bakery", "ok");
        long mailbox = mailbox(60, 100, 300);
        long campaign = campaign(mailbox, List.of(a, b), "");
        started(campaign);
        record Queued(long id, String status, String domain) {}
        Queued first = jdbc.sql("select id, status, to_domain from campaign_messages where campaign_id = :c and"
                        + " contact_id = :a")
                .param("c", campaign)
                .param("a", a)
                .query((rs, n) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(pacing.claim(first.id(), first.status(), first.domain(), mailbox, "other-instance"))
                .isEqualTo(Pacing.Claim.CLAIMED);

        CLOCK.advance(Duration.ofSeconds(90)); // past the interval, the other send still in flight
        assertThat(loop.tick()).isZero();
        // the other instance's send ends now
        jdbc.sql("update campaign_messages set status = 'SENT', sent_at = :now where id = :id")
                .param("now", Timestamp.from(CLOCK.instant()))
                .param("id", first.id())
                .update();
        pacing.finished(mailbox, first.domain());
        CLOCK.advance(Duration.ofSeconds(59));
        assertThat(loop.tick()).isZero();
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(loop.tick()).isEqualTo(1);
        assertThat(statusByContact(campaign)).containsEntry(b, "SENT");
    }

    @Test
    void twoMailsToOneDomainAreTheDomainGapApartWhileOtherDomainsGoOn() throws Exception {
        String u = unique();
        long a = contact("A", "a@same-" + u + ".de", "Köln", "bakery", "ok");
        long b = contact("B", "b@same-" + u + ".de", "Köln", "bakery", "ok");
        long c = contact("C", "c@other-" + u + ".de", "Köln", "bakery", "ok");
        long campaign = campaign(mailbox(0, 100, 300), List.of(a, b, c), "");
        started(campaign);

        assertThat(loop.tick()).isEqualTo(2); // c and one of a, b; the other waits for the gap
        Map<Long, String> status = statusByContact(campaign);
        assertThat(status).containsEntry(c, "SENT");
        assertThat(List.of(status.get(a), status.get(b))).containsExactlyInAnyOrder("SENT", "QUEUED");
        CLOCK.advance(Duration.ofSeconds(119));
        assertThat(loop.tick()).isZero();
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(loop.tick()).isEqualTo(1);
        assertThat(statusByContact(campaign)).containsEntry(a, "SENT").containsEntry(b, "SENT");
        assertThat(SMTP.waitForIncomingEmail(10_000, 3)).isTrue();
    }

    @Test
    void theHourlyCapHoldsUntilAnHourHasPassed() throws Exception {
        String u = unique();
        List<Long> contacts = List.of(
                contact("A", "a@a1-" + u + ".de", "Köln", "bakery", "ok"),
                contact("B", "b@b1-" + u + ".de", "Köln", "bakery", "ok"),
                contact("C", "c@c1-" + u + ".de", "Köln", "bakery", "ok"));
        long campaign = campaign(mailbox(0, 2, 300), contacts, "");
        started(campaign);

        assertThat(loop.tick()).isEqualTo(2);
        Instant capped = CLOCK.instant();
        assertThat(Instant.parse(api.get("/api/campaigns/" + campaign)
                        .json()
                        .path("nextSendAt")
                        .asString()))
                .isEqualTo(capped.plus(Duration.ofHours(1)));
        CLOCK.advance(Duration.ofMinutes(59));
        assertThat(loop.tick()).isZero();
        CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(loop.tick()).isEqualTo(1);
        assertThat(counts(campaign).path("sent").asLong()).isEqualTo(3);
    }

    @Test
    void theDailyCapHoldsForADay() throws Exception {
        String u = unique();
        List<Long> contacts = List.of(
                contact("A", "a@a2-" + u + ".de", "Köln", "bakery", "ok"),
                contact("B", "b@b2-" + u + ".de", "Köln", "bakery", "ok"));
        long campaign = campaign(
                mailbox(0, 10, 1),
                contacts,
                ", \"window\": {\"from\": \"00:00\", \"to\": \"23:59\", \"zone\": \"Europe/Berlin\", \"days\":"
                        + " [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\","
                        + " \"SUNDAY\"]}");
        started(campaign);
        assertThat(loop.tick()).isEqualTo(1);
        CLOCK.advance(Duration.ofHours(23));
        assertThat(loop.tick()).isZero();
        CLOCK.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(loop.tick()).isEqualTo(1);
    }

    @Test
    void nothingGoesOutsideTheWindowAndTheCampaignSaysWhenItWill() throws Exception {
        String u = unique();
        long a = contact("A", "a@w-" + u + ".de", "Köln", "bakery", "ok");
        long campaign = campaign(mailbox(0, 100, 300), List.of(a), "");
        // Saturday 12 December 2026, 10:00 in Berlin
        CLOCK.set(Instant.parse("2026-12-12T09:00:00Z"));
        started(campaign);
        assertThat(loop.tick()).isZero();
        assertThat(api.get("/api/campaigns/" + campaign)
                        .json()
                        .path("nextSendAt")
                        .asString())
                .isEqualTo("2026-12-14T08:00:00Z"); // Monday 09:00 in Berlin
        CLOCK.set(Instant.parse("2026-12-14T07:59:59Z"));
        assertThat(loop.tick()).isZero();
        CLOCK.set(Instant.parse("2026-12-14T08:00:00Z"));
        assertThat(loop.tick()).isEqualTo(1);
        // after 17:00 nothing either
        assertThat(Pacing.inWindow(
                        new CampaignSpec.Window("09:00", "17:00", "Europe/Berlin", Campaigns.DEFAULT_DAYS),
                        Instant.parse("2026-12-14T16:00:00Z")))
                .isFalse();
    }

    @Test
    void aFollowUpGoesDaysLaterUnlessTheContactReplied() throws Exception {
        String u = unique();
        long quiet = contact("Q", "q@q-" + u + ".de", "Köln", "bakery", "ok");
        long replied = contact("R", "r@r-" + u + ".de", "Köln", "bakery", "ok");
        long campaign = campaign(
                mailbox(0, 100, 300),
                List.of(quiet, replied),
                ", \"window\": {\"from\": \"00:00\", \"to\": \"23:59\", \"days\": [\"MONDAY\", \"TUESDAY\","
                        + " \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"]}");
        // a second step three days later
        jdbc.sql("update campaigns set steps = :s where id = :id")
                .param(
                        "s",
                        "[{\"delayDays\":0,\"mode\":\"template\",\"subject\":\"Erste\",\"body\":\"<p>1</p>\"},"
                                + "{\"delayDays\":3,\"mode\":\"template\",\"subject\":\"Zweite\",\"body\":\"<p>2</p>\"}]")
                .param("id", campaign)
                .update();
        started(campaign);
        assertThat(counts(campaign).path("audience").asLong()).isEqualTo(2);
        assertThat(loop.tick()).isEqualTo(2); // the first step of both
        jdbc.sql("update contacts set status = 'replied' where id = :id")
                .param("id", replied)
                .update();
        CLOCK.advance(Duration.ofDays(2));
        assertThat(loop.tick()).isZero();
        CLOCK.advance(Duration.ofDays(1));
        assertThat(loop.tick()).isEqualTo(1);
        Map<String, String> byStep = messages(campaign).stream()
                .collect(Collectors.toMap(
                        m -> m.path("contactId").asLong() + "/" + m.path("step").asInt(),
                        m -> m.path("status").asString() + "/"
                                + m.path("skipReason").asString("")));
        assertThat(byStep).containsEntry(quiet + "/1", "SENT/").containsEntry(replied + "/1", "SKIPPED/replied");
        assertThat(api.get("/api/campaigns/" + campaign).json().path("status").asString())
                .isEqualTo("COMPLETED");
    }

    List<Instant> sentTimes(long campaign) {
        return jdbc
                .sql("select sent_at from campaign_messages where campaign_id = :c and sent_at is not null"
                        + " order by sent_at")
                .param("c", campaign)
                .query(Timestamp.class)
                .list()
                .stream()
                .map(Timestamp::toInstant)
                .toList();
    }

    Map<Long, String> statusByContact(long campaign) {
        return messages(campaign).stream()
                .collect(Collectors.toMap(
                        m -> m.path("contactId").asLong(), m -> m.path("status").asString()));
    }
}
