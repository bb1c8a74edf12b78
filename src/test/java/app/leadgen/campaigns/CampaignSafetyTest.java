package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.ScriptedSmtp;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What must not be sent is not: suppressed and unsubscribed addresses, domains without mail,
 * contacts another campaign mailed lately; a message whose send outcome is unknown (its instance
 * died) is never resent; a claim is taken once; retry-failed touches only failed messages; a hard
 * bounce suppresses the address and too many pause the mailbox's campaigns.
 */
class CampaignSafetyTest extends CampaignTestBase {

    @Autowired
    Pacing pacing;

    @Test
    void suppressedNoDomainAndCooldownContactsAreSkippedWithTheirReason() throws Exception {
        String u = unique();
        long suppressed = contact("S", "s@s-" + u + ".de", "Köln", "bakery", "ok");
        long blockedDomain = contact("D", "d@blocked-" + u + ".de", "Köln", "bakery", "ok");
        long noDomain = contact("N", "n@n-" + u + ".de", "Köln", "bakery", "no_domain");
        long mailedElsewhere = contact("M", "m@m-" + u + ".de", "Köln", "bakery", "ok");
        long fine = contact("F", "f@f-" + u + ".de", "Köln", "bakery", "ok");
        assertThat(api.postJson("/api/suppressions", "{\"email\": \"s@s-" + u + ".de\", \"reason\": \"manual\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.postJson("/api/suppressions", "{\"domain\": \"blocked-" + u + ".de\"}")
                        .status())
                .isEqualTo(201);
        long mailbox = mailbox(0, 100, 300);
        long earlier = campaign(mailbox, List.of(mailedElsewhere), "");
        started(earlier);
        assertThat(loop.tick()).isEqualTo(1);
        CLOCK.advance(Duration.ofDays(1));

        long campaign = campaign(mailbox, List.of(suppressed, blockedDomain, noDomain, mailedElsewhere, fine), "");
        started(campaign);
        assertThat(loop.tick()).isEqualTo(1);

        Map<Long, String> reasons = messages(campaign).stream()
                .collect(Collectors.toMap(
                        m -> m.path("contactId").asLong(),
                        m -> m.path("status").asString() + "/"
                                + m.path("skipReason").asString("")));
        assertThat(reasons)
                .containsEntry(suppressed, "SKIPPED/suppressed")
                .containsEntry(blockedDomain, "SKIPPED/suppressed")
                .containsEntry(noDomain, "SKIPPED/no_domain")
                .containsEntry(mailedElsewhere, "SKIPPED/cooldown")
                .containsEntry(fine, "SENT/");
        JsonNode counts = counts(campaign);
        assertThat(counts.path("audience").asLong()).isEqualTo(5);
        assertThat(counts.path("skipped").asLong()).isEqualTo(4);
        assertThat(counts.path("sent").asLong()).isEqualTo(1);
    }

    @Test
    void anUnsubscribedAddressIsSkippedAsUnsubscribed() throws Exception {
        String u = unique();
        long a = contact("A", "a@u-" + u + ".de", "Köln", "bakery", "ok");
        long campaign = campaign(mailbox(0, 100, 300), List.of(a), "");
        started(campaign);
        jdbc.sql("insert into suppressions (email, reason, created_at) values (:e, 'unsubscribed', :now)")
                .param("e", "a@u-" + u + ".de")
                .param("now", Timestamp.from(CLOCK.instant()))
                .update();
        assertThat(loop.tick()).isZero();
        assertThat(messages(campaign).get(0).path("skipReason").asString()).isEqualTo("unsubscribed");
    }

    @Test
    void aMessageLeftSendingPastTheLeaseIsUnknownAndNeverResent() throws Exception {
        String u = unique();
        long a = contact("A", "a@crash-" + u + ".de", "Köln", "bakery", "ok");
        long b = contact("B", "b@crash2-" + u + ".de", "Köln", "bakery", "ok");
        long mailbox = mailbox(0, 100, 300);
        long campaign = campaign(mailbox, List.of(a, b), "");
        started(campaign);
        // an instance claimed a's message and died before it recorded an answer (kill -9)
        long claimed = messages(campaign).stream()
                .filter(m -> m.path("contactId").asLong() == a)
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        jdbc.sql("update campaign_messages set status = 'SENDING', claimed_by = 'dead-instance', claimed_at = :at,"
                        + " mailbox_id = :mb where id = :id")
                .param("at", Timestamp.from(CLOCK.instant().minus(Duration.ofMinutes(6))))
                .param("mb", mailbox)
                .param("id", claimed)
                .update();

        assertThat(loop.tick()).isEqualTo(1); // b only
        assertThat(api.get("/api/messages/" + claimed).json().path("status").asString())
                .isEqualTo("UNKNOWN");
        assertThat(loop.tick()).isZero();
        assertThat(api.postJson("/api/campaigns/" + campaign + "/retry-failed", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(loop.tick()).isZero();
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString())
                .isEqualTo("b@crash2-" + u + ".de");
        JsonNode counts = counts(campaign);
        assertThat(counts.path("unknown").asLong()).isEqualTo(1);
        assertThat(counts.path("sent").asLong()).isEqualTo(1);
        assertThat(api.get("/api/campaigns/" + campaign).json().path("status").asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void aMessageIsClaimedOnceWhoeverAsks() throws Exception {
        String u = unique();
        long a = contact("A", "a@claim-" + u + ".de", "Köln", "bakery", "ok");
        long mailbox = mailbox(0, 100, 300);
        long campaign = campaign(mailbox, List.of(a), "");
        started(campaign);
        long id = messages(campaign).get(0).path("id").asLong();
        assertThat(pacing.claim(id, "QUEUED", null, mailbox, "instance-1")).isEqualTo(Pacing.Claim.CLAIMED);
        assertThat(pacing.claim(id, "QUEUED", null, mailbox, "instance-2")).isEqualTo(Pacing.Claim.LOST);
        assertThat(loop.tick()).isZero(); // SENDING elsewhere: not this loop's
    }

    @Test
    void racingClaimsOfOneMailboxTakeOneSlotOnly() throws Exception {
        String u = unique();
        List<Long> contacts = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            contacts.add(contact("R" + i, "r" + i + "@race" + i + "-" + u + ".de", "Köln", "bakery", "ok"));
        }
        long mailbox = mailbox(360, 100, 300);
        long campaign = campaign(mailbox, contacts, "");
        started(campaign);
        List<JsonNode> queued = messages(campaign);
        // eight "instances" claim eight different messages of one mailbox at the same moment
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Pacing.Claim>> claims = new java.util.ArrayList<>();
        for (int i = 0; i < queued.size(); i++) {
            JsonNode m = queued.get(i);
            String instance = "instance-" + i;
            claims.add(pool.submit(() -> {
                start.await();
                return pacing.claim(
                        m.path("id").asLong(),
                        "QUEUED",
                        MessageStore.domain(m.path("to").asString()),
                        mailbox,
                        instance);
            }));
        }
        start.countDown();
        List<Pacing.Claim> outcomes = new java.util.ArrayList<>();
        for (var f : claims) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(c -> c == Pacing.Claim.CLAIMED).hasSize(1);
        assertThat(outcomes).filteredOn(c -> c == Pacing.Claim.MAILBOX_BUSY).hasSize(7);
    }

    @Test
    void retryFailedSendsOnlyWhatFailed() throws Exception {
        String u = unique();
        long a = contact("A", "a@r1-" + u + ".de", "Köln", "bakery", "ok");
        long b = contact("B", "b@r2-" + u + ".de", "Köln", "bakery", "ok");
        long campaign = campaign(mailbox(0, 100, 300), List.of(a, b), "");
        started(campaign);
        long failedId = messages(campaign).stream()
                .filter(m -> m.path("contactId").asLong() == a)
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        jdbc.sql("update campaign_messages set status = 'FAILED', error = 'temporary 451' where id = :id")
                .param("id", failedId)
                .update();
        assertThat(loop.tick()).isEqualTo(1);
        assertThat(api.get("/api/campaigns/" + campaign).json().path("status").asString())
                .isEqualTo("COMPLETED");

        JsonNode again = api.postJson("/api/campaigns/" + campaign + "/retry-failed", "{}")
                .json();
        assertThat(again.path("status").asString()).isEqualTo("SENDING");
        assertThat(again.path("counts").path("queued").asLong()).isEqualTo(1);
        assertThat(again.path("counts").path("sent").asLong()).isEqualTo(1);
        assertThat(loop.tick()).isEqualTo(1);
        assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(2); // b once, a once
    }

    @Test
    void aHardBounceFailsTheMessageSuppressesTheAddressAndPausesTheCampaign() throws Exception {
        String u = unique();
        try (ScriptedSmtp scripted = new ScriptedSmtp()) {
            long mailbox = mailbox(scripted.port(), 0, 100, 300);
            long bounce1 = contact("B1", "bounce1@x1-" + u + ".de", "Köln", "bakery", "ok");
            long bounce2 = contact("B2", "bounce2@x2-" + u + ".de", "Köln", "bakery", "ok");
            long later = contact("L", "later@x3-" + u + ".de", "Köln", "bakery", "ok");
            long fine = contact("F", "fine@x4-" + u + ".de", "Köln", "bakery", "ok");
            long campaign = campaign(mailbox, List.of(bounce1, bounce2, later, fine), "");
            started(campaign);

            loop.tick();
            Map<Long, JsonNode> byContact = messages(campaign).stream()
                    .collect(Collectors.toMap(m -> m.path("contactId").asLong(), m -> m));
            assertThat(byContact.get(bounce1).path("status").asString()).isEqualTo("FAILED");
            assertThat(byContact.get(later).path("status").asString()).isIn("QUEUED", "PAUSED");
            assertThat(api.get("/api/suppressions/check?email=bounce1@x1-" + u + ".de")
                            .body())
                    .contains("bounced");
            JsonNode c = api.get("/api/campaigns/" + campaign).json();
            // two bounces of at most four sends: far over 5 %
            assertThat(c.path("status").asString()).isEqualTo("PAUSED");
            assertThat(c.path("statusReason").asString()).isEqualTo("bounce_rate");
            assertThat(c.path("counts").path("bounced").asLong()).isEqualTo(2);
            assertThat(c.path("counts").path("failed").asLong()).isEqualTo(2);
        }
    }
}
