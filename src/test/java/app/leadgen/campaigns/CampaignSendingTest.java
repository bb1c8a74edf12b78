package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A template campaign sent to GreenMail: one mail per contact with the composer's headers and parts,
 * the contact's status, the counts, and completion; preparing twice adds nothing.
 */
class CampaignSendingTest extends CampaignTestBase {

    @Test
    void aTemplateCampaignSendsEachContactOneMailWithHeadersPartsAndFooter() throws Exception {
        String u = unique();
        long product = api.postJson(
                        "/api/products",
                        "{\"name\": \"Website Basis\", \"price\": 1490, \"url\": \"https://agentur.de/basis\"}")
                .json()
                .path("id")
                .asLong();
        long anna = contact("Bäckerei Anna & Söhne", "anna@baeckerei-" + u + ".de", "Köln", "bakery", "ok");
        long bert = contact("Café Bert", "bert@cafe-" + u + ".de", "Bonn", "cafe", "ok");
        long mailbox = mailbox(0, 100, 300);
        String ids = anna + ", " + bert;
        var created = api.postJson(
                "/api/campaigns",
                "{\"name\": \"Bäckereien Köln\", \"audience\": {\"contactIds\": [" + ids + "]}, \"mailboxId\": "
                        + mailbox + ", \"productId\": " + product + ", \"steps\": [{\"delayDays\": 0, \"mode\":"
                        + " \"template\", \"subject\": \"{companyName}: {product.name}\", \"body\": \"<p>Hallo"
                        + " {fullName},</p><p>{product.name} für {product.price}: <a"
                        + " href=\\\"{product.url}\\\">ansehen</a></p>\"}], \"trackOpens\": true, \"trackClicks\":"
                        + " true, \"requireApproval\": false}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().path("window").path("zone").asString()).isEqualTo("Europe/Berlin");
        long campaign = created.json().path("id").asLong();

        JsonNode ready = prepared(campaign);
        assertThat(ready.path("counts").path("audience").asLong()).isEqualTo(2);
        assertThat(ready.path("counts").path("queued").asLong()).isEqualTo(2);
        prepared(campaign); // again: nothing new
        assertThat(messages(campaign)).hasSize(2);
        JsonNode started =
                api.postJson("/api/campaigns/" + campaign + "/start", "{}").json();
        assertThat(started.path("status").asString()).isEqualTo("SENDING");
        assertThat(started.path("nextSendAt").isNull()).isFalse();

        assertThat(loop.tick()).isEqualTo(2);
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        Map<String, MimeMessage> received =
                Arrays.stream(SMTP.getReceivedMessages()).collect(Collectors.toMap(m -> address(m), m -> m));
        MimeMessage mail = received.get("anna@baeckerei-" + u + ".de");
        assertThat(mail.getSubject()).isEqualTo("Bäckerei Anna & Söhne: Website Basis");
        assertThat(mail.getHeader("List-Unsubscribe")[0])
                .matches("<https://leads\\.agentur\\.test/u/[A-Za-z0-9_-]{43}>,"
                        + " <mailto:antworten@kampagne-test\\.de\\?subject=unsubscribe>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("antworten@kampagne-test.de");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) mail.getContent();
        String text = parts.getBodyPart(0)
                .getContent()
                .toString()
                .replace("\r\n", "\n")
                .replace('\u00a0', ' ');
        String html = parts.getBodyPart(1).getContent().toString();
        assertThat(text)
                .startsWith("Hallo Bäckerei Anna & Söhne,\n\nWebsite Basis für 1.490,00 €: ansehen"
                        + " (https://agentur.de/basis)")
                .contains("Agentur Beispiel GmbH, Musterstraße 1, 50667 Köln")
                .contains("Hier abmelden: http");
        assertThat(html)
                .contains("Hallo Bäckerei Anna &amp; Söhne,")
                .contains("/track/click/")
                .contains("url=https%3A%2F%2Fagentur.de%2Fbasis")
                .doesNotContain("href=\"https://agentur.de/basis\"")
                .contains("/track/open/")
                .contains("Agentur Beispiel GmbH");

        List<JsonNode> sent = messages(campaign);
        assertThat(sent).allSatisfy(m -> assertThat(m.path("status").asString()).isEqualTo("SENT"));
        JsonNode annaMessage = sent.stream()
                .filter(m -> m.path("contactId").asLong() == anna)
                .findFirst()
                .orElseThrow();
        assertThat(annaMessage.path("messageId").asString()).isEqualTo(mail.getMessageID());
        assertThat(annaMessage.path("to").asString()).isEqualTo("anna@baeckerei-" + u + ".de");
        assertThat(annaMessage.path("sentAt").isNull()).isFalse();
        assertThat(api.get("/api/contacts/" + anna).json().path("status").asString())
                .isEqualTo("email_sent");

        assertThat(loop.tick()).isZero(); // sent once, never again
        JsonNode done = api.get("/api/campaigns/" + campaign).json();
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("counts").path("sent").asLong()).isEqualTo(2);
        assertThat(done.path("counts").path("queued").asLong()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aFilterAudienceTakesTheMatchingContactsWithAnAddress() throws Exception {
        String u = unique();
        String city = "Hürth-" + u;
        long tagged = contact("T", "t@t-" + u + ".de", city, "bakery", "ok");
        long taggedUnchecked = contact("U", "u@u-" + u + ".de", city, "bakery", "lookup_failed");
        long otherCategory = contact("O", "o@o-" + u + ".de", city, "cafe", "ok");
        contact("Elsewhere", "e@e-" + u + ".de", "Bonn", "bakery", "ok");
        for (long id : List.of(tagged, taggedUnchecked, otherCategory)) {
            jdbc.sql("insert into contact_tags (contact_id, tag) values (:c, :t)")
                    .param("c", id)
                    .param("t", "messe-" + u)
                    .update();
        }
        long mailbox = mailbox(0, 100, 300);
        var created = api.postJson(
                "/api/campaigns",
                "{\"name\": \"Filter\", \"audience\": {\"filter\": {\"tag\": \"messe-" + u + "\", \"city\": \""
                        + city + "\", \"category\": \"bakery\", \"emailCheck\": \"ok\"}}, \"mailboxId\": "
                        + mailbox + ", \"steps\": [{\"mode\": \"template\", \"subject\": \"Hallo\", \"body\":"
                        + " \"<p>Hallo</p>\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long campaign = created.json().path("id").asLong();
        assertThat(prepared(campaign).path("counts").path("audience").asLong()).isEqualTo(1);
        assertThat(messages(campaign).get(0).path("contactId").asLong()).isEqualTo(tagged);
        // both or neither of contactIds and filter: 400
        assertThat(api.postJson(
                                "/api/campaigns",
                                "{\"name\": \"X\", \"audience\": {}, \"mailboxId\": " + mailbox
                                        + ", \"steps\": [{\"mode\": \"template\", \"subject\": \"a\", \"body\": \"b\"}]}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithA400() {
        long mailbox = mailbox(0, 10, 300);
        long c = contact("Laden", "laden@laden-" + unique() + ".de", "Köln", "store", "ok");
        var r = api.postJson(
                "/api/campaigns",
                "{\"name\": \"X\", \"audience\": {\"contactIds\": [" + c + "]}, \"mailboxId\": " + mailbox
                        + ", \"steps\": [{\"mode\": \"template\", \"subject\": \"Hallo {vorname}\", \"body\":"
                        + " \"<p>x</p>\"}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("{vorname}");
    }

    @Test
    void approvalHoldsMessagesUntilAPersonApprovesThem() throws Exception {
        String u = unique();
        long a = contact("Laden A", "a@laden-a-" + u + ".de", "Köln", "store", "ok");
        long b = contact("Laden B", "b@laden-b-" + u + ".de", "Köln", "store", "ok");
        long campaign = campaign(mailbox(0, 100, 300), List.of(a, b), ", \"requireApproval\": true");
        JsonNode ready = prepared(campaign);
        assertThat(ready.path("counts").path("drafted").asLong()).isEqualTo(2);
        api.postJson("/api/campaigns/" + campaign + "/start", "{}");
        assertThat(loop.tick()).isZero();

        JsonNode first = messages(campaign).get(0);
        var edited = api.request(
                "PUT",
                "/api/messages/" + first.path("id").asLong(),
                "{\"subject\": \"Geänderter Betreff\", \"body\": \"<p>Neu</p>\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        var approved = api.postJson("/api/messages/" + first.path("id").asLong() + "/approve", "{}");
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(loop.tick()).isEqualTo(1);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Geänderter Betreff");
        // sent: no more edits
        assertThat(api.request(
                                "PUT",
                                "/api/messages/" + first.path("id").asLong(),
                                "{\"subject\": \"x\", \"body\": \"y\"}")
                        .status())
                .isEqualTo(409);

        assertThat(api.postJson("/api/campaigns/" + campaign + "/approve-all", "{}")
                        .json()
                        .path("approved")
                        .asInt())
                .isEqualTo(1);
        assertThat(loop.tick()).isEqualTo(1);
        assertThat(api.get("/api/campaigns/" + campaign).json().path("status").asString())
                .isEqualTo("COMPLETED");
    }

    private static String address(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
