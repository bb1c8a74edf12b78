package app.leadgen.campaigns;

import static app.leadgen.testing.Fakes.OPENAI;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.OpenAiBodies;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The wizard's endpoints: the audience's live count (the same contacts preparing addresses), the
 * preview of a step for a real contact (placeholders filled and escaped, an unknown one a 400, AI steps
 * through the provider), the preview PDF, the defaults, and who may call them.
 */
class CampaignWizardApiTest extends CampaignTestBase {

    @Test
    void theCountIsTheAudiencePreparingAddresses() throws Exception {
        String u = unique();
        String city = "Zählstadt-" + u;
        long a = contact("Bäckerei A " + u, "a@a-" + u + ".de", city, "bakery", "ok");
        long b = contact("Bäckerei B " + u, "b@b-" + u + ".de", city, "bakery", "no_domain");
        long c = contact("Café C " + u, "c@c-" + u + ".de", city, "cafe", "ok");
        contact("Café D " + u, "d@d-" + u + ".de", "Anderswo-" + u, "cafe", "ok");

        assertThat(count("{\"filter\": {\"city\": \"" + city + "\"}}")).isEqualTo(3);
        assertThat(count("{\"filter\": {\"city\": \"" + city.toUpperCase() + "\", \"category\": \"bakery\"}}"))
                .isEqualTo(2);
        assertThat(count("{\"filter\": {\"city\": \"" + city + "\", \"emailCheck\": \"ok\"}}"))
                .isEqualTo(2);
        assertThat(count("{\"contactIds\": [" + a + ", " + c + ", 999999999]}")).isEqualTo(2);
        assertThat(api.postJson("/api/campaigns/audience/count", "{}").status()).isEqualTo(400);

        // the campaign made from the same filter prepares exactly as many messages
        long campaign = api.postJson(
                        "/api/campaigns",
                        "{\"name\": \"Zählen " + u + "\", \"audience\": {\"filter\": {\"city\": \"" + city
                                + "\"}}, \"mailboxId\": " + mailbox(0, 10, 300)
                                + ", \"steps\": [{\"mode\": \"template\", \"subject\": \"Hallo {companyName}\","
                                + " \"body\": \"<p>Hallo</p>\"}]}")
                .json()
                .path("id")
                .asLong();
        assertThat(prepared(campaign).path("counts").path("audience").asInt()).isEqualTo(3);
        assertThat(messages(campaign))
                .extracting(m -> m.path("contactId").asLong())
                .containsExactlyInAnyOrder(a, b, c);
    }

    @Test
    void thePreviewFillsThePlaceholdersForARealContact() {
        String u = unique();
        String city = "Vorschau-" + u;
        long first = contact("Bäckerei <Süß> & Co " + u, "info@suess-" + u + ".de", city, "bakery", "ok");
        long second = contact("Café Zwei " + u, "hallo@zwei-" + u + ".de", city, "cafe", "ok");
        long product = api.postJson(
                        "/api/products",
                        "{\"name\": \"Webauftritt " + u + "\", \"price\": 1490, \"url\": \"https://agentur.de/web\"}")
                .json()
                .path("id")
                .asLong();
        String step = "\"step\": {\"mode\": \"template\", \"subject\": \"Eine Idee für {companyName}\", \"body\":"
                + " \"<p>Hallo {fullName},</p><p>{product.name} für {product.price} in {city}.</p>"
                + "<script>alert(1)</script>\"}";
        String audience = "\"audience\": {\"filter\": {\"city\": \"" + city + "\"}}";

        Api.Reply r = api.postJson(
                "/api/campaigns/preview", "{" + audience + ", \"productId\": " + product + ", " + step + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.path("contactId").asLong()).isEqualTo(first);
        assertThat(p.path("to").asString()).isEqualTo("info@suess-" + u + ".de");
        assertThat(p.path("subject").asString()).isEqualTo("Eine Idee für Bäckerei <Süß> & Co " + u);
        assertThat(p.path("html").asString())
                .contains("Hallo Bäckerei &lt;Süß&gt; &amp; Co " + u)
                .contains("Webauftritt " + u + " für 1.490,00")
                .contains("in " + city)
                .doesNotContain("<script");
        assertThat(p.path("text").asString()).contains("Hallo Bäckerei <Süß> & Co " + u);

        // „another contact": the next one of the audience, then from the start again
        JsonNode next = api.postJson(
                        "/api/campaigns/preview", "{" + audience + ", \"after\": " + first + ", " + step + "}")
                .json();
        assertThat(next.path("contactId").asLong()).isEqualTo(second);
        assertThat(next.path("html").asString()).contains("<p>für in " + city); // no product: its fields empty
        assertThat(api.postJson("/api/campaigns/preview", "{" + audience + ", \"after\": " + second + ", " + step + "}")
                        .json()
                        .path("contactId")
                        .asLong())
                .isEqualTo(first);
        assertThat(api.postJson("/api/campaigns/preview", "{\"contactId\": " + second + ", " + step + "}")
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Café Zwei " + u);

        Api.Reply unknown = api.postJson(
                "/api/campaigns/preview",
                "{" + audience + ", \"step\": {\"mode\": \"template\", \"subject\": \"Hallo {vorname}\", \"body\":"
                        + " \"<p>{firma}</p>\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asString()).isEqualTo("Unbekannter Platzhalter: {vorname}.");
        Api.Reply empty = api.postJson(
                "/api/campaigns/preview",
                "{\"audience\": {\"filter\": {\"city\": \"Nirgendwo-" + u + "\"}}, " + step + "}");
        assertThat(empty.status()).isEqualTo(409);
    }

    @Test
    void anAiPreviewAsksTheProviderWithTheDefaultPrompt() {
        String u = unique();
        long contact = contact("Friseur Schnitt " + u, "s@schnitt-" + u + ".de", "Köln", "hair_care", "ok");
        OPENAI.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("Friseur Schnitt " + u))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiBodies.completion("{\"subject\": \"Schnitt " + u + ": online buchen\","
                                + " \"body_html\": \"<p>Guten Tag,</p>\", \"benefits\": [\"Termine rund um die"
                                + " Uhr\", \"Weniger Anrufe\", \"Mehr Stammkunden\"]}"))));
        Api.Reply r = api.postJson(
                "/api/campaigns/preview",
                "{\"contactId\": " + contact + ", \"provider\": \"groq\", \"step\": {\"mode\": \"ai\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("subject").asString()).isEqualTo("Schnitt " + u + ": online buchen");
        assertThat(r.json().path("html").asString()).contains("<li>Termine rund um die Uhr</li>");

        JsonNode defaults = api.get("/api/campaigns/defaults").json();
        assertThat(defaults.path("prompts").path("business").asString()).contains("{companyName}");
        assertThat(defaults.path("defaultProvider").asString()).isEqualTo("groq");
    }

    @Test
    void thePreviewPdfNamesTheBusiness() throws Exception {
        String u = unique();
        long contact = contact("Metzgerei Wurst " + u, "m@wurst-" + u + ".de", "Köln", "butcher_shop", "ok");
        HttpResponse<byte[]> pdf = download("/api/campaigns/preview.pdf?contactId=" + contact, Api.KEY);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(URLDecoder.decode(
                        pdf.headers().firstValue("Content-Disposition").orElseThrow(), StandardCharsets.UTF_8))
                .contains("Metzgerei_Wurst_" + u + "_Angebot.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("Metzgerei Wurst " + u);
        }
        assertThat(download("/api/campaigns/preview.pdf?contactId=999999999", Api.KEY)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aViewerMayNotCountOrPreview() throws Exception {
        String u = unique();
        long contact = contact("Blumen Rot " + u, "r@rot-" + u + ".de", "Köln", "florist", "ok");
        Api viewer = new Api(port, viewerKey());
        assertThat(viewer.postJson("/api/campaigns/audience/count", "{\"filter\": {}}")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.postJson(
                                "/api/campaigns/preview",
                                "{\"contactId\": " + contact + ", \"step\": {\"mode\": \"template\", \"subject\":"
                                        + " \"x\", \"body\": \"y\"}}")
                        .status())
                .isEqualTo(403);
        // reads stay a viewer's, as every read and as each contact's proposal
        assertThat(viewer.get("/api/campaigns/defaults").status()).isEqualTo(200);
        assertThat(Api.anonymous(port)
                        .postJson("/api/campaigns/audience/count", "{\"filter\": {}}")
                        .status())
                .isEqualTo(401);
    }

    private long count(String audience) {
        Api.Reply r = api.postJson("/api/campaigns/audience/count", audience);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("count").asLong();
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
        String name = "viewer-" + unique();
        String password = "password-of-" + name;
        Api.Reply created = api.postJson(
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
}
