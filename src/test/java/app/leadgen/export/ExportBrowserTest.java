package app.leadgen.export;

import static app.leadgen.testing.Fakes.GOOGLE;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.Browser;
import app.leadgen.testing.BrowserTest;
import app.leadgen.testing.Fakes;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The export buttons of the main page in a real Chromium: downloads with the table's filter and sort, Google Sheets. */
class ExportBrowserTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    LeadStore store;

    @Autowired
    JdbcClient jdbc;

    private long run;
    private Api api;

    @BeforeEach
    void openPageOnTheLatestRun() {
        api = new Api(port);
        // the newest run, so "Nur letzter Lauf" shows exactly these 13 rows
        run = new ExportFixtures(store, jdbc).seedRun();
        page.navigate("http://127.0.0.1:" + port + "/");
        page.locator("#session-skip").click();
        page.locator("#only-latest-run").check();
        assertThat(page.locator("#leads-body tr.lead")).hasCount(13);
    }

    @Test
    void csvAndExcelDownloadWhatTheTableShowsInItsOrder() throws IOException {
        assertThat(page.locator("#export-csv")).hasText("CSV");
        assertThat(page.locator("#export-xlsx")).hasText("Excel");
        assertThat(page.locator("#export-sheets")).hasText("Google Sheets");
        Browser.screenshot(page, "export-buttons");

        page.locator("button.sort[data-sort='followers']").click();
        assertThat(page.locator("button.sort[data-sort='followers']")).hasAttribute("data-dir", "asc");
        Download csv = page.waitForDownload(() -> page.locator("#export-csv").click());

        assertThat(csv.suggestedFilename()).isEqualTo("leads-" + LocalDate.now(ExportFixtures.ZONE) + ".csv");
        List<List<String>> records = ExportDownloadTest.parseCsv(Files.readAllBytes(csv.path()));
        assertThat(records.get(0)).isEqualTo(ExportFixtures.HEADERS);
        assertThat(records.subList(1, records.size()))
                .isEqualTo(ExportFixtures.expectedRows(api, "runId=" + run + "&sort=followers,asc"));

        page.locator("button.sort[data-sort='followers']").click();
        assertThat(page.locator("button.sort[data-sort='followers']")).hasAttribute("data-dir", "desc");
        Download xlsx = page.waitForDownload(() -> page.locator("#export-xlsx").click());

        assertThat(xlsx.suggestedFilename()).endsWith(".xlsx");
        List<List<String>> expected = ExportFixtures.expectedRows(api, "runId=" + run + "&sort=followers,desc");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx.path())))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheet("Leads")) {
                rows.add(ExportDownloadTest.texts(row));
            }
            assertThat(rows.get(0)).isEqualTo(ExportFixtures.HEADERS);
            assertThat(rows.subList(1, rows.size())).isEqualTo(expected);
        }
        // the page is still there: a download does not navigate away
        assertThat(page.locator("#leads-body tr.lead")).hasCount(13);

        // on a narrow window the buttons wrap below the heading instead of running into it
        page.setViewportSize(700, 900);
        var heading = page.locator(".leads-section h2").boundingBox();
        var first = page.locator("#export-csv").boundingBox();
        var last = page.locator("#export-sheets").boundingBox();
        assertThat(first.x >= heading.x + heading.width || first.y >= heading.y + heading.height)
                .as("buttons clear of the heading")
                .isTrue();
        assertThat(last.x + last.width).isLessThanOrEqualTo(700);
        Browser.screenshot(page, "export-buttons-narrow");
    }

    @Autowired
    ExportSlots slots;

    @Test
    void aDownloadWhileEveryExportSlotIsTakenShowsTheGermanMessage() {
        List<ExportSlots.Slot> taken = new ArrayList<>(List.of(slots.take(), slots.take()));
        try {
            page.locator("#export-csv").click();
            Locator error = page.locator(".app-toast.error");
            assertThat(error).containsText("Es laufen gerade 2 Exporte. Bitte in 15 Sekunden erneut versuchen.");
            Browser.screenshot(page, "export-slots-full");
        } finally {
            taken.forEach(ExportSlots.Slot::close);
        }
        // a slot is free again: the same button downloads
        Download csv = page.waitForDownload(() -> page.locator("#export-csv").click());
        assertThat(csv.suggestedFilename()).endsWith(".csv");
    }

    @Test
    void googleSheetsShowsBusyThenALinkToTheNewSheet() {
        GOOGLE.stubFor(post(urlPathEqualTo("/v4/spreadsheets"))
                .willReturn(okJson(SheetsExportTest.spreadsheet()).withFixedDelay(1500)));
        SheetsExportTest.stubAppendOk();
        page.locator("button.sort[data-sort='username']").click();
        assertThat(page.locator("button.sort[data-sort='username']")).hasAttribute("data-dir", "asc");

        Locator button = page.locator("#export-sheets");
        button.click();
        assertThat(button).isDisabled();
        assertThat(button).hasAttribute("aria-busy", "true");
        Browser.screenshot(page, "export-sheets-busy");

        Locator toast =
                page.locator(".app-toast.success").filter(new Locator.FilterOptions().setHasText("Google Sheet"));
        assertThat(toast).containsText("Google Sheet angelegt.");
        Locator link = toast.locator("a");
        assertThat(link).hasText("Google Sheet öffnen");
        assertThat(link).hasAttribute("href", SheetsExportTest.URL);
        assertThat(link).hasAttribute("target", "_blank");
        assertThat(button).isEnabled();
        Browser.screenshot(page, "export-sheets-done");

        // the sheet got this run's rows in the table's order
        List<String> usernames = new ArrayList<>();
        GOOGLE.findAll(anyRequestedFor(urlPathMatching(".*:append"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .forEach(r -> JSON.readTree(r.getBodyAsString())
                        .path("values")
                        .forEach(row -> usernames.add(row.path(0).asString())));
        List<String> expected = new ArrayList<>(List.of("Username"));
        for (JsonNode lead : api.get("/api/leads?size=50&sort=username,asc&runId=" + run)
                .json()
                .path("items")) {
            expected.add(lead.path("username").asString());
        }
        assertThat(usernames).isEqualTo(expected);
    }

    @Test
    void googleSheetsShowsTheProblemWhenGoogleSaysNo() {
        GOOGLE.stubFor(post(urlPathEqualTo("/v4/spreadsheets"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withHeader("Retry-After", "40")
                        .withBody(
                                Fakes.googleError(429, "rateLimitExceeded", "Quota exceeded", "RESOURCE_EXHAUSTED"))));

        page.locator("#export-sheets").click();

        Locator error = page.locator(".app-toast.error");
        assertThat(error).containsText("Google Sheets nimmt gerade keine weiteren Anfragen an");
        assertThat(error).containsText("in 40 Sekunden");
        assertThat(error.locator("a")).hasCount(0);
        assertThat(page.locator("#export-sheets")).isEnabled();
        Browser.screenshot(page, "export-sheets-error");
    }
}
