package app.leadgen.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Without any credentials the app still starts, and says what is missing and how to add it. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "leadgen.apify.token=",
            "leadgen.perplexity.api-key=",
            "leadgen.google.refresh-token=",
            "leadgen.places.api-key="
        })
@ActiveProfiles("test")
class MissingSettingsTest {

    @LocalServerPort
    int port;

    @Test
    void startsAndExplainsWhatIsMissing() {
        Api api = new Api(port);
        String page = api.get("/").body();
        assertThat(page).contains("APIFY_TOKEN fehlt", "PERPLEXITY_API_KEY fehlt", ".env");
        assertThat(page).contains("data-needs-session=\"true\"");

        var refused = api.postJson("/api/runs", "{\"keyword\": \"fitness\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("APIFY_TOKEN");
        assertThat(api.get("/api/runs").json().size()).isZero();

        assertThat(page).contains("GOOGLE_PLACES_API_KEY fehlt");
        var noPlaces = api.postJson("/api/runs", "{\"source\": \"places\"}");
        assertThat(noPlaces.status()).isEqualTo(409);
        assertThat(noPlaces.contentType()).startsWith("application/problem+json");
        assertThat(noPlaces.json().path("detail").asString()).contains("GOOGLE_PLACES_API_KEY");
        assertThat(api.get("/api/runs").json().size()).isZero();

        assertThat(page).contains("GMAIL_REFRESH_TOKEN fehlt");
        var noSheets = api.postForm("/export/sheets", "");
        assertThat(noSheets.status()).isEqualTo(409);
        assertThat(noSheets.contentType()).startsWith("application/problem+json");
        assertThat(noSheets.json().path("detail").asString())
                .contains("GMAIL_CLIENT_ID", "GMAIL_CLIENT_SECRET", "GMAIL_REFRESH_TOKEN");
        // the downloads need no credentials at all
        assertThat(api.get("/export?format=csv").status()).isEqualTo(200);
    }
}
