package app.leadgen.outreach.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.TestLeads;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code BREVO_SMTP_HOST} set, the one-by-one send goes through SMTP instead of Gmail. A real
 * SMTP server (GreenMail) receives the mail; the test reads what arrived: headers (From with an
 * encoded name, Reply-To, Message-ID, Date, List-Unsubscribe), both parts, the footer.
 */
class SmtpSendingTest extends IntegrationTest {

    static final GreenMail SMTP = start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("leadgen.smtp.host", () -> "127.0.0.1");
        registry.add("leadgen.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("leadgen.smtp.security", () -> "none");
        registry.add("leadgen.smtp.from-email", () -> "agentur@smtp-test.de");
        registry.add("leadgen.smtp.from-name", () -> "Jörg Weiß – Agentur");
        registry.add("leadgen.smtp.reply-to", () -> "antworten@smtp-test.de");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    @BeforeEach
    void emptyTheServer() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void aMailToAContactArrivesWithProperHeadersBothPartsAndTheFooter() throws Exception {
        String u = Long.toString(System.nanoTime(), 36);
        TestLeads leads = new TestLeads(jdbc, store);
        leads.lead(leads.run("smtp"), "smtp", "smtp_" + u, "Björn Bäcker", "bio", "bjoern@baeckerei-" + u + ".de");
        long contactId = jdbc.sql("select contact_id from ig_profiles where username = :u")
                .param("u", "smtp_" + u)
                .query(Long.class)
                .single();
        Api api = new Api(port);

        Api.Reply reply = api.postJson(
                "/api/contacts/" + contactId + "/send",
                "{\"subject\": \"Grüße aus Köln – eine Idee für Ihre Bäckerei\","
                        + " \"body\": \"Hallo Herr Bäcker,\\n\\nwie wäre es mit einer Website?\\n\\nViele Grüße\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        String raw = raw(received);
        String headers = raw.split("\r\n\r\n", 2)[0];
        assertThat(headers)
                .contains("Subject: =?UTF-8?")
                .contains("=?UTF-8?Q?J=C3=B6rg_Wei=C3=9F_=E2=80=93_Agentur?= <agentur@smtp-test.de>")
                .contains("Reply-To: antworten@smtp-test.de")
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                .doesNotContain("Köln", "Weiß"); // RFC 2047: 7-bit on the wire
        assertThat(received.getSubject()).isEqualTo("Grüße aus Köln – eine Idee für Ihre Bäckerei");
        assertThat(received.getFrom()[0].toString()).contains("agentur@smtp-test.de");
        assertThat(((jakarta.mail.internet.InternetAddress) received.getFrom()[0]).getPersonal())
                .isEqualTo("Jörg Weiß – Agentur");
        assertThat(Arrays.toString(received.getAllRecipients())).isEqualTo("[bjoern@baeckerei-" + u + ".de]");
        assertThat(received.getMessageID())
                .isEqualTo(reply.json().path("messageId").asString());
        assertThat(received.getMessageID()).matches("<[0-9a-f-]{36}@smtp-test\\.de>");
        assertThat(received.getSentDate()).isNotNull();
        String unsubscribe = received.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe)
                .matches("<http://127\\.0\\.0\\.1:" + port + "/u/[A-Za-z0-9_-]{43}>,"
                        + " <mailto:antworten@smtp-test\\.de\\?subject=unsubscribe>");

        assertThat(received.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        String text = parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n");
        String html = parts.getBodyPart(1).getContent().toString();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        String link = unsubscribe.substring(1, unsubscribe.indexOf('>'));
        assertThat(text)
                .startsWith("Hallo Herr Bäcker,\n\nwie wäre es mit einer Website?\n\nViele Grüße")
                .contains("Agentur Beispiel GmbH, Musterstraße 1, 50667 Köln")
                .endsWith("Hier abmelden: " + link);
        assertThat(html)
                .contains("<p>wie wäre es mit einer Website?</p>")
                .contains("Agentur Beispiel GmbH, Musterstraße 1, 50667 Köln")
                .contains("<a href=\"" + link + "\">Hier abmelden</a>");

        // the contact shows the send, and the server's answer is kept with it
        assertThat(api.get("/api/contacts/" + contactId).json().path("status").asString())
                .isEqualTo("email_sent");
        assertThat(jdbc.sql("select provider_id from email_sends where contact_id = :c")
                        .param("c", contactId)
                        .query(String.class)
                        .single())
                .startsWith("250");
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static GreenMail start() {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail server = new GreenMail(new ServerSetup(free, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
