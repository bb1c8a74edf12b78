package app.leadgen.export;

import static app.leadgen.export.ExportFixtures.EVIL_BIO;
import static app.leadgen.export.ExportFixtures.HEADERS;
import static app.leadgen.testing.Fakes.GOOGLE;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /export/sheets} against a fake of the Sheets API v4 in Google's real formats (contracts
 * §5): what reaches Google, and what the user is told when Google says no.
 */
@ExtendWith(OutputCaptureExtension.class)
class SheetsExportTest extends IntegrationTest {

    static final String ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFG";
    static final String URL = "https://docs.google.com/spreadsheets/d/" + ID + "/edit";
    private static final String CREATE = "/v4/spreadsheets";
    private static final String APPEND = "/v4/spreadsheets/" + ID + "/values/.+:append";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What must never leave the app: the test profile's OAuth secrets and the access token. */
    private static final List<String> SECRETS =
            List.of("1//test-refresh-token", "test-client-secret", Fakes.GOOGLE_ACCESS_TOKEN);

    @LocalServerPort
    int port;

    @Autowired
    LeadStore store;

    @Autowired
    JdbcClient jdbc;

    ExportFixtures fixtures;
    long run;

    record Answer(int status, String retryAfter, JsonNode body, String raw) {}

    @BeforeEach
    void seed() {
        fixtures = new ExportFixtures(store, jdbc);
        run = fixtures.seedRun();
        stubCreate();
    }

    /** Fakes for a Sheets API that works; tests replace parts with failures. */
    static void stubCreate() {
        GOOGLE.stubFor(post(urlPathEqualTo(CREATE)).willReturn(okJson(spreadsheet())));
    }

    static void stubAppendOk() {
        GOOGLE.stubFor(post(urlPathMatching(APPEND)).willReturn(okJson(appended())));
    }

    @Test
    void createsASheetAndAppendsHeaderAndRowsInChunks() {
        stubAppendOk();
        String query = "runId=" + run + "&sort=followers,desc";

        Answer answer = export(query);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("url").asString()).isEqualTo(URL);

        LoggedRequest create = requests(CREATE).get(0);
        JsonNode spreadsheet = JSON.readTree(create.getBodyAsString());
        assertThat(spreadsheet.path("properties").path("title").asString())
                .matches("LeadGen Leads \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(spreadsheet
                        .path("sheets")
                        .path(0)
                        .path("properties")
                        .path("title")
                        .asString())
                .isEqualTo("Leads");

        List<LoggedRequest> appends = requests(APPEND);
        // header + 13 rows in chunks of 5 (test profile)
        assertThat(appends).hasSize(3);
        List<List<String>> received = new ArrayList<>();
        for (LoggedRequest append : appends) {
            assertThat(append.queryParameter("valueInputOption").firstValue()).isEqualTo("RAW");
            assertThat(append.queryParameter("insertDataOption").firstValue()).isEqualTo("INSERT_ROWS");
            String path = append.getUrl().substring(0, append.getUrl().indexOf('?'));
            assertThat(URLDecoder.decode(path, StandardCharsets.UTF_8))
                    .isEqualTo("/v4/spreadsheets/" + ID + "/values/Leads!A1:append");
            JsonNode body = JSON.readTree(append.getBodyAsString());
            assertThat(body.path("majorDimension").asString()).isEqualTo("ROWS");
            assertThat(body.path("values").size()).isLessThanOrEqualTo(5);
            for (JsonNode row : body.path("values")) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.asString()));
                received.add(cells);
                // followers and run go as JSON numbers, so the sheet can sum and sort them
                if (received.size() > 1) {
                    assertThat(row.path(13).isNumber()).isTrue();
                    assertThat(row.path(9).isNumber() || row.path(9).asString().isEmpty())
                            .isTrue();
                }
            }
        }
        assertThat(received.get(0)).isEqualTo(HEADERS);
        assertThat(received.subList(1, received.size())).isEqualTo(ExportFixtures.expectedRows(api(), query));
        assertThat(ExportDownloadTest.row(received, fixtures.p + "evil").get(2)).isEqualTo("'" + EVIL_BIO);

        for (LoggedRequest request : requests("/v4/.*")) {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + Fakes.GOOGLE_ACCESS_TOKEN);
        }
    }

    @Test
    void aRateLimitedAppendIsRetriedOnceAndNoRowIsWrittenTwice() {
        GOOGLE.stubFor(post(urlPathMatching(APPEND))
                .inScenario("quota")
                .whenScenarioStateIs(STARTED)
                .willReturn(googleError(429, "rateLimitExceeded", "RESOURCE_EXHAUSTED"))
                .willSetStateTo("refilled"));
        GOOGLE.stubFor(post(urlPathMatching(APPEND))
                .inScenario("quota")
                .whenScenarioStateIs("refilled")
                .willReturn(okJson(appended())));

        Answer answer = export("runId=" + run);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<LoggedRequest> appends = requests(APPEND);
        assertThat(appends).hasSize(4);
        assertThat(appends.get(0).getBodyAsString()).isEqualTo(appends.get(1).getBodyAsString());
        assertThat(appends.get(1).getBodyAsString()).isNotEqualTo(appends.get(2).getBodyAsString());
    }

    @Test
    void quotaExhaustedWithALongWaitAnswers503WithRetryAfterAtOnce() {
        GOOGLE.stubFor(post(urlPathMatching(APPEND))
                .willReturn(googleError(429, "rateLimitExceeded", "RESOURCE_EXHAUSTED")
                        .withHeader("Retry-After", "30")));

        Answer answer = export("runId=" + run);

        assertProblem(answer, 503, "in 30 Sekunden");
        assertThat(answer.retryAfter()).isEqualTo("30");
        assertThat(requests(APPEND))
                .as("a 30 s wait is not sat out in the request")
                .hasSize(1);
    }

    @Test
    void rateLimitExceededAs403IsRetriedThenAnswers503() {
        GOOGLE.stubFor(
                post(urlPathMatching(APPEND)).willReturn(googleError(403, "rateLimitExceeded", "PERMISSION_DENIED")));

        Answer answer = export("runId=" + run);

        assertProblem(answer, 503, "Kontingent");
        assertThat(answer.retryAfter()).isNull();
        assertThat(requests(APPEND)).as("sheets-max-attempts").hasSize(3);
    }

    @Test
    void aServerErrorIsNotRetriedBecauseTheRowsMayHaveLanded() {
        GOOGLE.stubFor(post(urlPathMatching(APPEND)).willReturn(googleError(500, "backendError", "INTERNAL")));

        Answer answer = export("runId=" + run);

        assertProblem(answer, 502, "HTTP 500");
        assertThat(requests(APPEND)).hasSize(1);
    }

    @Test
    void otherRefusalsSayWhatGoogleRefused() {
        GOOGLE.stubFor(post(urlPathEqualTo(CREATE))
                .willReturn(googleError(403, "insufficientPermissions", "PERMISSION_DENIED")));

        Answer answer = export("runId=" + run);

        assertProblem(answer, 502, "auth/spreadsheets");
        assertThat(answer.body().path("detail").asString()).contains("HTTP 403", "insufficientPermissions");
        assertThat(requests(APPEND)).isEmpty();
    }

    @Test
    void aRevokedRefreshTokenTellsTheUserToRenewIt(CapturedOutput output) {
        // whether or not an access token is still cached: the API refuses it and the refresh fails
        Fakes.googleTokenRevoked();
        GOOGLE.stubFor(post(urlPathEqualTo(CREATE)).willReturn(googleError(401, "authError", "UNAUTHENTICATED")));

        Answer answer = export("runId=" + run);

        assertProblem(answer, 409, "widerrufen oder ist abgelaufen");
        assertThat(answer.body().path("detail").asString()).contains("GMAIL_REFRESH_TOKEN");
        assertThat(requests("/token")).as("a refresh was tried").isNotEmpty();
        assertThat(output.getAll()).contains("Sheets export failed");
        for (String secret : SECRETS) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(answer.raw()).doesNotContain(secret);
        }
    }

    @Test
    void problemsAreEnglishOnRequest() {
        GOOGLE.stubFor(post(urlPathMatching(APPEND))
                .willReturn(googleError(429, "rateLimitExceeded", "RESOURCE_EXHAUSTED")
                        .withHeader("Retry-After", "45")));

        Answer answer = export("lang=en&runId=" + run);

        assertProblem(answer, 503, "try again in 45 seconds");
    }

    private Answer export(String query) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            app.leadgen.testing.Api.withKey(HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/export/sheets?" + query)))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    r.statusCode(),
                    r.headers().firstValue("Retry-After").orElse(null),
                    JSON.readTree(r.body()),
                    r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(Answer answer, int status, String detailPart) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.body().path("detail").asString()).contains(detailPart);
    }

    private Api api() {
        return new Api(port);
    }

    /** The requests to a path (regular expression) that the fake got, in the order they came. */
    private static List<LoggedRequest> requests(String pathPattern) {
        List<LoggedRequest> requests = new ArrayList<>(GOOGLE.findAll(anyRequestedFor(urlPathMatching(pathPattern))));
        // WireMock keeps its journal newest first
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests;
    }

    private static ResponseDefinitionBuilder googleError(int code, String reason, String status) {
        return aResponse()
                .withStatus(code)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(Fakes.googleError(code, reason, "Quota exceeded or refused (" + reason + ")", status));
    }

    /** A Spreadsheet as {@code spreadsheets.create} answers (contracts §5). */
    static String spreadsheet() {
        return """
                {"spreadsheetId": "%s",
                 "properties": {"title": "LeadGen Leads", "locale": "de_DE", "autoRecalc": "ON_CHANGE",
                   "timeZone": "Europe/Berlin"},
                 "sheets": [{"properties": {"sheetId": 0, "title": "Leads", "index": 0, "sheetType": "GRID",
                   "gridProperties": {"rowCount": 1000, "columnCount": 26}}}],
                 "spreadsheetUrl": "%s"}
                """
                .formatted(ID, URL);
    }

    /** An AppendValuesResponse (contracts §5). */
    static String appended() {
        return """
                {"spreadsheetId": "%s", "tableRange": "Leads!A1:P1",
                 "updates": {"spreadsheetId": "%s", "updatedRange": "Leads!A2:P6", "updatedRows": 5,
                   "updatedColumns": 16, "updatedCells": 80}}
                """
                .formatted(ID, ID);
    }
}
