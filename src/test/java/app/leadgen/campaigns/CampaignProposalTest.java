package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * {@code attachProposal}: the mail goes out as multipart/mixed with the four-page proposal named
 * after the business, the campaign's product on page 3, and page 4's QR link is the mail's tracked
 * click link; {@code GET /api/messages/{id}/proposal.pdf} shows the same PDF.
 */
class CampaignProposalTest extends CampaignTestBase {

    @Test
    void aCampaignWithTheProposalAttachesTheBusinesssPdf() throws Exception {
        String u = unique();
        assertThat(api.putJson("/api/settings/proposal", "{\"bookingLink\": \"https://cal.example/buchen/" + u + "\"}")
                        .status())
                .isEqualTo(200);
        long product = api.postJson(
                        "/api/products",
                        "{\"name\": \"Webauftritt " + u + "\", \"price\": 2490, \"url\": \"https://agentur.de/w\"}")
                .json()
                .path("id")
                .asLong();
        long anna = contact("Bäckerei Müller " + u, "anna@mueller-" + u + ".de", "Köln", "bakery", "ok");
        var created = api.postJson(
                "/api/campaigns",
                "{\"name\": \"Angebote\", \"audience\": {\"contactIds\": [" + anna + "]}, \"mailboxId\": "
                        + mailbox(0, 100, 300) + ", \"productId\": " + product + ", \"steps\": [{\"mode\":"
                        + " \"template\", \"subject\": \"Ihr Angebot\", \"body\": \"<p>Hallo {fullName}</p>\"}],"
                        + " \"attachProposal\": true, \"trackClicks\": true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long campaign = created.json().path("id").asLong();
        prepared(campaign);
        assertThat(api.postJson("/api/campaigns/" + campaign + "/start", "{}").status())
                .isEqualTo(200);
        assertThat(loop.tick()).isEqualTo(1);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        BodyPart file = mixed.getBodyPart(1);
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(file.getContentType()).startsWith("application/pdf");
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(file.getFileName()))
                .isEqualTo("Bäckerei_Müller_" + u + "_Angebot.pdf");
        byte[] pdf;
        try (InputStream in = file.getInputStream()) {
            pdf = in.readAllBytes();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
            assertThat(page(doc, 1))
                    .contains("Warum Bäckerei Müller " + u + " eine digitale Plattform braucht")
                    .contains("hat sich als Bäckerei in Köln"); // the Places type in German words
            assertThat(page(doc, 3)).contains("Webauftritt " + u).contains("2.490,00 €");
            // page 4 names the link its QR code leads to: the tracked redirect, not the bare booking link
            assertThat(page(doc, 4).replaceAll("\\s+", "")).contains("/track/click/");
        }

        long message = messages(campaign).get(0).path("id").asLong();
        HttpResponse<byte[]> shown = HttpClient.newHttpClient()
                .send(
                        Api.withKey(HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/messages/" + message + "/proposal.pdf")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(URLDecoder.decode(
                        shown.headers().firstValue("Content-Disposition").orElseThrow(), StandardCharsets.UTF_8))
                .contains("Bäckerei_Müller_" + u + "_Angebot.pdf");
        try (PDDocument doc = Loader.loadPDF(shown.body())) {
            assertThat(page(doc, 1)).contains("Bäckerei Müller " + u);
            assertThat(page(doc, 4).replaceAll("\\s+", "")).contains("https://cal.example/buchen/" + u);
        }
    }

    private static String page(PDDocument doc, int n) throws java.io.IOException {
        PDFTextStripper text = new PDFTextStripper();
        text.setStartPage(n);
        text.setEndPage(n);
        return text.getText(doc).replaceAll("\\s+", " "); // a title may break over two lines
    }
}
