package app.leadgen.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Api.Reply;
import app.leadgen.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API names and errors that users' scripts rely on. */
class ApiContractTest extends IntegrationTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void pingAnswersOk() {
        Reply reply = api.get("/ping");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("OK");
    }

    @Test
    void badRunInputGetsProblemDetails() {
        assertProblem(api.postJson("/api/runs", "{\"keyword\": \"  \"}"), 400, "Bitte ein Keyword eingeben.");
        assertProblem(api.postJson("/api/runs", "{\"keyword\": \"" + "x".repeat(101) + "\"}"), 400, "zu lang");
        assertProblem(api.postJson("/api/runs", "{\"keyword\": \"a\\u0000b\"}"), 400, "unzulässige Zeichen");
        assertProblem(api.postJson("/api/runs", "{\"keyword\": "), 400, "kein gültiges JSON");
        assertProblem(api.postJson("/api/runs", ""), 400, "kein gültiges JSON");
        assertProblem(api.get("/api/runs/987654"), 404, "987654");
    }

    @Test
    void badLeadQueriesGetProblemDetails() {
        assertProblem(api.get("/api/leads?sort=password,asc"), 400, "Unbekannte Sortierung");
        assertProblem(api.get("/api/leads?sort=email,sideways"), 400, "Unbekannte Sortierung");
        assertProblem(api.get("/api/leads?size=100000"), 400, "Seitengröße");
        assertProblem(api.get("/api/leads?page=-1"), 400, "negativ");
        assertProblem(api.get("/api/leads?runId=abc"), 400, "falschen Typ");
        assertThat(api.get("/api/leads?sort=followers,desc&page=3&size=10")
                        .json()
                        .path("items")
                        .isArray())
                .isTrue();
    }

    @Test
    void sessionIdIsKeptServerSideAndNeverSentBack() {
        assertThat(api.get("/session").json().path("source").asString()).isEqualTo("none");
        assertProblem(api.postForm("/session", "sessionId="), 400, "Session-ID");
        assertProblem(api.postJson("/session", "{\"sessionId\": \"has space\"}"), 400, "ungültig");

        Reply stored = api.postJson("/session", "{\"sessionId\": \"secret-ig-session\"}");
        assertThat(stored.status()).isEqualTo(200);
        Reply status = api.get("/session");
        assertThat(status.json().path("configured").asBoolean()).isTrue();
        assertThat(status.body()).doesNotContain("secret-ig-session");
        assertThat(api.get("/").body()).doesNotContain("secret-ig-session").contains("data-needs-session=\"false\"");
    }

    @Test
    void runsApiAnswersWithTheDocumentedFields() {
        Reply accepted = api.postJson("/api/runs", "{\"keyword\": \"docs\"}");
        assertThat(accepted.status()).isEqualTo(202);
        var run = accepted.json();
        assertThat(run.path("id").isNumber()).isTrue();
        assertThat(run.path("status").asString()).isIn("QUEUED", "RUNNING");
        assertThat(run.path("counts").has("findings")).isTrue();
        assertThat(run.has("error")).isTrue();

        var leads = api.get("/api/leads").json();
        assertThat(leads.has("items")).isTrue();
        assertThat(leads.has("total")).isTrue();
        api.awaitFinished(run.path("id").asLong());
    }

    @Test
    void openApiDocumentsTheApi() {
        Reply docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames())
                .contains("/api/runs", "/api/runs/{id}", "/api/leads", "/session", "/ping");
    }

    @Test
    void pagesAreGermanFirstAndEnglishOnRequest() {
        assertThat(api.get("/").body()).contains("Keyword eingeben…", "lang=\"de\"");
        assertThat(api.get("/?lang=en").body()).contains("Enter keyword…", "lang=\"en\"");
    }

    @Test
    void healthShowsDatabaseAndJobRunr() {
        var health = api.get("/actuator/health").json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").has("db")).isTrue();
        assertThat(health.path("components").has("JobRunr")).isTrue();
    }

    private static void assertProblem(Reply reply, int status, String detailPart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("detail").asString()).contains(detailPart);
    }
}
