package app.leadgen.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.book.CompanyInput;
import app.leadgen.book.ContactInput;
import app.leadgen.book.LeadBook;
import app.leadgen.book.Origin;
import app.leadgen.book.Sources;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /api/settings/proposal} (ADMIN changes, VIEWER reads) and the preview of a contact's proposal. */
class ProposalApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    LeadBook book;

    Api admin;
    String u;

    @BeforeEach
    void setUp() {
        admin = new Api(port);
        u = Long.toString(System.nanoTime(), 36);
    }

    @Test
    void settingsRoundTripAndMistakesAreRefusedInGerman() {
        String body = "{\"caseStudies\": {\"Bäckerei\": \"Die Backstube " + u + " verkauft online.\","
                + " \"*\": \"Allgemein " + u + "\"},"
                + " \"packages\": [{\"name\": \"Paket Gold\", \"description\": \"Alles drin\", \"price\": 4999.5},"
                + " {\"name\": \"Paket Silber\", \"price\": null}],"
                + " \"bookingLink\": \"https://cal.example/" + u + "\", \"senderPhone\": \"+49 30 1234567\"}";
        Api.Reply put = admin.putJson("/api/settings/proposal", body);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode read = admin.get("/api/settings/proposal").json();
        assertThat(read.path("caseStudies").path("Bäckerei").asString())
                .isEqualTo("Die Backstube " + u + " verkauft online.");
        assertThat(read.path("caseStudies").path("*").asString()).isEqualTo("Allgemein " + u);
        assertThat(read.path("packages")).hasSize(2);
        assertThat(read.path("packages").get(0).path("price").decimalValue()).isEqualByComparingTo("4999.5");
        assertThat(read.path("packages").get(1).path("price").isNull()).isTrue();
        assertThat(read.path("bookingLink").asString()).isEqualTo("https://cal.example/" + u);
        assertThat(read.path("senderPhone").asString()).isEqualTo("+49 30 1234567");

        assertThat(detail("{\"bookingLink\": \"javascript:alert(1)\"}")).contains("http(s)-Adresse");
        assertThat(detail("{\"caseStudies\": {\"Bäckerei\": \"" + "x".repeat(2501) + "\"}}"))
                .contains("Fallbeispiele");
        assertThat(detail("{\"packages\": [{\"name\": \"a\", \"price\": -1}]}")).contains("Pakete");
        assertThat(admin.get("/api/settings/proposal")
                        .json()
                        .path("bookingLink")
                        .asString())
                .as("a refused change keeps the old settings")
                .isEqualTo("https://cal.example/" + u);
    }

    @Test
    void aViewerReadsTheSettingsAndPreviewsAContactsProposalButChangesNothing() throws Exception {
        admin.putJson(
                "/api/settings/proposal",
                "{\"caseStudies\": {\"Bäckerei\": \"Die Backstube " + u + " verkauft online.\"},"
                        + " \"packages\": [{\"name\": \"Paket " + u + "\", \"price\": 1990}],"
                        + " \"bookingLink\": \"https://cal.example/buchen/" + u + "\"}");
        long contact = book.merge(
                        Origin.PLACES,
                        ContactInput.mailbox("grete@baeckerei-" + u + ".de", null, null),
                        new CompanyInput(
                                "Bäckerei Müller",
                                "https://baeckerei-" + u + ".de",
                                null,
                                null,
                                "Köln",
                                null,
                                null,
                                "Bäckerei",
                                null,
                                null,
                                null,
                                List.of()),
                        Sources.of("places"))
                .contactId();
        String viewer = viewerKey();

        assertThat(new Api(port, viewer).get("/api/settings/proposal").status()).isEqualTo(200);
        assertThat(new Api(port, viewer).putJson("/api/settings/proposal", "{}").status())
                .isEqualTo(403);

        HttpResponse<byte[]> pdf = download("/api/contacts/" + contact + "/proposal.pdf", viewer);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"Baeckerei_Mueller_Angebot.pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode("Bäckerei_Müller_Angebot.pdf", StandardCharsets.UTF_8));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
            assertThat(ProposalPdfTest.page(doc, 1))
                    .contains("Warum Bäckerei Müller eine digitale Plattform braucht")
                    .contains("Bäckerei Müller hat sich als Bäckerei in Köln");
            assertThat(ProposalPdfTest.page(doc, 2)).contains("Die Backstube " + u + " verkauft online.");
            assertThat(ProposalPdfTest.page(doc, 3)).contains("Paket " + u).contains("1.990,00 €");
            assertThat(ProposalPdfTest.page(doc, 4)).contains("https://cal.example/buchen/" + u);
        }

        assertThat(download("/api/contacts/999999999/proposal.pdf", viewer).statusCode())
                .isEqualTo(404);
        assertThat(download("/api/contacts/" + contact + "/proposal.pdf", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAdminUploadsReplacesAndRemovesTheBrochure() throws Exception {
        byte[] pdf = BenchAccess.render(ProposalPdfTest.baeckerei());
        Api.Reply up = admin.postFile(
                "/api/settings/proposal/brochure", "Unsere Leistungen 2026.pdf", pdf, java.util.Map.of());
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().path("fileName").asString()).isEqualTo("Unsere_Leistungen_2026.pdf");
        String viewer = viewerKey();
        HttpResponse<byte[]> read = download("/api/settings/proposal/brochure", viewer);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(pdf);
        assertThat(new Api(port, viewer)
                        .delete("/api/settings/proposal/brochure")
                        .status())
                .isEqualTo(403);

        Api.Reply notPdf =
                admin.postFile("/api/settings/proposal/brochure", "x.pdf", "hallo".getBytes(), java.util.Map.of());
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(notPdf.json().path("detail").asString()).contains("PDF-Datei");

        assertThat(admin.delete("/api/settings/proposal/brochure").status()).isEqualTo(204);
        assertThat(download("/api/settings/proposal/brochure", viewer).statusCode())
                .isEqualTo(404);
        assertThat(admin.delete("/api/settings/proposal/brochure").status()).isEqualTo(404);
    }

    private HttpResponse<byte[]> download(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A VIEWER with a personal key, made as the accounts tests make theirs. */
    private String viewerKey() {
        String name = "viewer-" + u + Long.toString(System.nanoTime(), 36);
        String password = "password-of-" + name;
        Api.Reply created = admin.postJson(
                "/api/users",
                "{\"username\": \"" + name + "\", \"password\": \"" + password + "\", \"role\": \"VIEWER\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api session = Api.anonymous(port);
        String token = session.csrfToken("/login");
        session.postForm(
                "/login",
                "username=" + name + "&password=" + password + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8));
        session.csrfToken("/profile");
        Api.Reply key = session.postJsonWithCsrf("/api/me/keys", "{\"name\": \"tests\"}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return key.json().path("key").asString();
    }

    private String detail(String json) {
        Api.Reply reply = admin.putJson("/api/settings/proposal", json);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().path("detail").asString();
    }
}
