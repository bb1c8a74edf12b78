package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.suppressions.Suppressions;
import app.leadgen.testing.Api;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Replies and bounce reports read from a mailbox's inbox over IMAP (GreenMail): a reply to a sent
 * mail marks the contact replied and its follow-up is skipped ({@code replied}); unrelated and
 * automatic mails change nothing; a delivery status notification of a permanent failure is a hard
 * bounce (message {@code FAILED}, address suppressed), a delay is none; a refused IMAP login is told
 * on the mailbox without the password.
 */
class CampaignRepliesTest extends CampaignTestBase {

    static final GreenMail IMAP = imap();
    static final String EVERY_DAY = ", \"window\": {\"from\": \"00:00\", \"to\": \"23:59\", \"days\": [\"MONDAY\","
            + " \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"]}";

    @Autowired
    Replies replies;

    @Autowired
    Suppressions suppressions;

    @Test
    void aReplyMarksTheContactRepliedAndItsFollowUpIsSkipped() throws Exception {
        String u = unique();
        GreenMailUser inbox = IMAP.setUser("antworten-" + u + "@kampagne-test.de", "antworten-" + u, "imap-geheim");
        long mailbox = imapMailbox(inbox.getLogin(), "imap-geheim");
        long quiet = contact("Q", "q@q-" + u + ".de", "Köln", "bakery", "ok");
        long replied = contact("R", "r@r-" + u + ".de", "Köln", "bakery", "ok");
        long campaign = campaign(mailbox, List.of(quiet, replied), EVERY_DAY);
        jdbc.sql("update campaigns set steps = :s where id = :id")
                .param(
                        "s",
                        "[{\"delayDays\":0,\"mode\":\"template\",\"subject\":\"Erste\",\"body\":\"<p>1</p>\"},"
                                + "{\"delayDays\":3,\"mode\":\"template\",\"subject\":\"Zweite\",\"body\":\"<p>2</p>\"}]")
                .param("id", campaign)
                .update();
        started(campaign);
        assertThat(loop.tick()).isEqualTo(2);

        inbox.deliver(mail("r@r-" + u + ".de", "AW: Erste", messageId(campaign, replied), false));
        // an out-of-office answer to the other one, and mails that answer nothing of ours
        inbox.deliver(mail("q@q-" + u + ".de", "Abwesenheitsnotiz", messageId(campaign, quiet), true));
        inbox.deliver(mail("fremd@andere-" + u + ".de", "Ihr Angebot", null, false));
        inbox.deliver(mail("x@y-" + u + ".de", "Re: etwas", "<unbekannt-" + u + "@kampagne-test.de>", false));
        assertThat(replies.check().replies()).isEqualTo(1);
        assertThat(contactStatus(replied)).isEqualTo("replied");
        assertThat(contactStatus(quiet)).isEqualTo("email_sent");
        assertThat(replies.check().replies()).isZero(); // read once: only newer mails next time
        assertThat(jdbc.sql("select count(*) from email_events where contact_id = :c and event_type = 'reply' and"
                                + " not machine")
                        .param("c", replied)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(counts(campaign).path("replied").asLong()).isEqualTo(1);

        CLOCK.advance(Duration.ofDays(3));
        assertThat(loop.tick()).isEqualTo(1);
        Map<String, String> byStep = messages(campaign).stream()
                .collect(Collectors.toMap(
                        m -> m.path("contactId").asLong() + "/" + m.path("step").asInt(),
                        m -> m.path("status").asString() + "/"
                                + m.path("skipReason").asString("")));
        assertThat(byStep).containsEntry(quiet + "/1", "SENT/").containsEntry(replied + "/1", "SKIPPED/replied");

        JsonNode box = api.get("/api/mailboxes/" + mailbox).json();
        assertThat(box.path("imapHost").asString()).isEqualTo("127.0.0.1");
        assertThat(box.path("imapPasswordSet").asBoolean()).isTrue();
        assertThat(box.has("imapPassword")).isFalse();
        assertThat(box.path("imapCheckedAt").isNull()).isFalse();
        assertThat(box.path("imapError").isNull()).isTrue();
    }

    @Test
    void aDeliveryReportOfAPermanentFailureIsAHardBounceAndADelayIsNone() throws Exception {
        String u = unique();
        GreenMailUser inbox = IMAP.setUser("bounces-" + u + "@kampagne-test.de", "bounces-" + u, "imap-geheim");
        long mailbox = imapMailbox(inbox.getLogin(), "imap-geheim");
        String gone = "weg@b-" + u + ".de";
        String full = "voll@c-" + u + ".de";
        long b = contact("B", gone, "Köln", "bakery", "ok");
        long c = contact("C", full, "Köln", "bakery", "ok");
        long campaign = campaign(mailbox, List.of(b, c), EVERY_DAY);
        started(campaign);
        assertThat(loop.tick()).isEqualTo(2);

        inbox.deliver(report(gone, messageId(campaign, b), "failed", "5.1.1", "550 5.1.1"));
        inbox.deliver(report(full, messageId(campaign, c), "delayed", "4.2.2", "452 4.2.2"));
        assertThat(replies.check().bounces()).isEqualTo(1);

        Map<Long, JsonNode> byContact = messages(campaign).stream()
                .collect(Collectors.toMap(m -> m.path("contactId").asLong(), m -> m));
        assertThat(byContact.get(b).path("status").asString()).isEqualTo("FAILED");
        assertThat(byContact.get(b).path("error").asString()).startsWith("hard_bounce 5.1.1");
        assertThat(byContact.get(c).path("status").asString()).isEqualTo("SENT");
        assertThat(suppressions.reasonFor(gone)).contains("bounced");
        assertThat(suppressions.reasonFor(full)).isEmpty();
        assertThat(contactStatus(b)).isEqualTo("bounced");
        JsonNode counts = counts(campaign);
        assertThat(counts.path("bounced").asLong()).isEqualTo(1);
        assertThat(counts.path("failed").asLong()).isEqualTo(1);
        // the same report read again (a rebuilt inbox) changes nothing more
        jdbc.sql("update mailboxes set imap_uid_validity = null, imap_last_uid = null where id = :id")
                .param("id", mailbox)
                .update();
        assertThat(replies.check().bounces()).isZero();
    }

    @Test
    void aRefusedImapLoginIsToldOnTheMailboxWithoutThePassword() throws Exception {
        String u = unique();
        GreenMailUser inbox = IMAP.setUser("falsch-" + u + "@kampagne-test.de", "falsch-" + u, "das-richtige");
        String wrong = "Falsch-Geheim-" + u;
        long mailbox = imapMailbox(inbox.getLogin(), wrong);
        replies.check();

        Api.Reply reply = api.get("/api/mailboxes/" + mailbox);
        JsonNode box = reply.json();
        assertThat(box.path("imapError").asString())
                .startsWith("CREDENTIALS")
                .contains("refused the login of falsch-" + u);
        assertThat(reply.body()).doesNotContain(wrong);
        Api.Reply test = api.postJson("/api/mailboxes/" + mailbox + "/test", "{}");
        assertThat(test.json().path("ok").asBoolean()).isTrue(); // the SMTP side is fine
        assertThat(test.json().path("imap").path("ok").asBoolean()).isFalse();
        assertThat(test.json().path("imap").path("kind").asString()).isEqualTo("CREDENTIALS");
        assertThat(test.body()).doesNotContain(wrong);

        // a change by a client that knows nothing of inboxes keeps it; an empty imapHost removes it
        String smtpOnly = "{\"name\": \"Ohne IMAP " + u + "\", \"host\": \"127.0.0.1\", \"port\": "
                + SMTP.getSmtp().getPort() + ", \"security\": \"none\", \"fromEmail\": \"agentur@kampagne-test.de\"";
        JsonNode kept = api.putJson("/api/mailboxes/" + mailbox, smtpOnly + "}").json();
        assertThat(kept.path("imapHost").asString()).isEqualTo("127.0.0.1");
        assertThat(kept.path("imapPasswordSet").asBoolean()).isTrue();
        JsonNode removed = api.putJson("/api/mailboxes/" + mailbox, smtpOnly + ", \"imapHost\": \"\"}")
                .json();
        assertThat(removed.path("imapHost").isNull()).isTrue();
        assertThat(removed.path("imapPasswordSet").asBoolean()).isFalse();
        assertThat(removed.path("imapError").isNull()).isTrue();
        assertThat(api.delete("/api/mailboxes/" + mailbox).status()).isEqualTo(204);
    }

    /** A mailbox on the test SMTP server whose inbox is on the test IMAP server. */
    long imapMailbox(String login, String password) {
        Api.Reply r = api.postJson(
                "/api/mailboxes",
                "{\"name\": \"Antworten " + unique() + "\", \"host\": \"127.0.0.1\", \"port\": "
                        + SMTP.getSmtp().getPort()
                        + ", \"security\": \"none\", \"fromEmail\": \"agentur@kampagne-test.de\", \"intervalSeconds\":"
                        + " 0, \"hourlyCap\": 100, \"dailyCap\": 300, \"imapHost\": \"127.0.0.1\", \"imapPort\": "
                        + IMAP.getImap().getPort() + ", \"imapSecurity\": \"none\", \"imapUser\": \"" + login
                        + "\", \"imapPassword\": \"" + password + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain(password);
        return r.json().path("id").asLong();
    }

    String messageId(long campaign, long contact) {
        return messages(campaign).stream()
                .filter(m -> m.path("contactId").asLong() == contact
                        && m.path("step").asInt() == 0)
                .findFirst()
                .orElseThrow()
                .path("messageId")
                .asString();
    }

    String contactStatus(long contact) {
        return jdbc.sql("select status from contacts where id = :id")
                .param("id", contact)
                .query(String.class)
                .single();
    }

    static MimeMessage mail(String from, String subject, String inReplyTo, boolean automatic) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(from);
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, "agentur@kampagne-test.de");
        m.setSubject(subject, "UTF-8");
        m.setText("Gern, rufen Sie mich an.\n\n> Hallo", "UTF-8");
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
            m.setHeader("References", "<vorher-" + unique() + "@andere.de> " + inReplyTo);
        }
        if (automatic) {
            m.setHeader("Auto-Submitted", "auto-replied");
        }
        m.saveChanges();
        return m;
    }

    /** Postfix's delivery report (src/test/resources/campaigns/dsn-postfix.eml) for one recipient. */
    static MimeMessage report(String recipient, String messageId, String action, String status, String code)
            throws Exception {
        String text;
        try (InputStream in = CampaignRepliesTest.class.getResourceAsStream("/campaigns/dsn-postfix.eml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("{recipient}", recipient)
                .replace("{domain}", recipient.substring(recipient.indexOf('@') + 1))
                .replace("{messageId}", messageId)
                .replace("{action}", action)
                .replace("{status}", status)
                .replace("{code}", code)
                .replace("\n", "\r\n");
        return new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static GreenMail imap() {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail server = new GreenMail(new ServerSetup(free, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        return server;
    }
}
