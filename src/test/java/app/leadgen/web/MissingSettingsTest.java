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
        properties = {"leadgen.apify.token=", "leadgen.perplexity.api-key="})
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
    }
}
