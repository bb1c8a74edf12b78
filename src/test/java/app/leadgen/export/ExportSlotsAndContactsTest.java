package app.leadgen.export;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.book.CompanyInput;
import app.leadgen.book.ContactInput;
import app.leadgen.book.LeadBook;
import app.leadgen.book.Origin;
import app.leadgen.book.Sources;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * At most {@code EXPORTS_AT_ONCE} exports at once (the next gets 429 with {@code Retry-After} and a
 * German problem), and the lead book's contacts export holds the rows of {@code GET /api/contacts}.
 */
class ExportSlotsAndContactsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ExportSlots slots;

    @Autowired
    LeadBook book;

    Api api;
    String u;

    @BeforeEach
    void seed() {
        api = new Api(port);
        u = "ex" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 12; i++) {
            book.merge(
                    Origin.CSV,
                    new ContactInput(
                            "Vor" + i,
                            "Nach" + u,
                            i == 3 ? "=1+2" : null,
                            null,
                            null,
                            "p" + i + "@" + u + ".de",
                            null,
                            null,
                            null,
                            null,
                            null,
                            Map.of(),
                            null),
                    new CompanyInput(
                            i == 5 ? "=HYPERLINK(\"http://evil\")" : "Firma " + (i % 5) + " " + u,
                            "https://f" + i + u + ".de",
                            null,
                            null,
                            i % 2 == 0 ? "Köln" : "Bonn",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of()),
                    Sources.of("csv:1:" + i));
        }
    }

    @Test
    void whenEverySlotIsTakenTheNextExportGets429WithRetryAfter() throws Exception {
        List<ExportSlots.Slot> taken = new ArrayList<>();
        try {
            taken.add(slots.take());
            taken.add(slots.take());
            for (String path : List.of("/export?format=csv", "/export?format=xlsx", "/export/contacts?format=csv")) {
                HttpResponse<String> refused = get(path);
                assertThat(refused.statusCode()).as(path).isEqualTo(429);
                assertThat(refused.headers().firstValue("Retry-After")).contains("15");
                assertThat(refused.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(refused.body()).contains("Es laufen gerade 2 Exporte");
            }
        } finally {
            taken.forEach(ExportSlots.Slot::close);
        }
        assertThat(get("/export?format=csv").statusCode()).isEqualTo(200);
    }

    @Test
    void theContactsExportHoldsTheRowsOfTheListInItsOrderWithFormulasGuarded() throws Exception {
        String query = "q=" + u + "&sort=companyName,desc";
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode c : api.get("/api/contacts?size=100&" + query).json().path("items")) {
            expected.add(List.of(
                    guarded(c.path("fullName").asString("")),
                    c.path("email").asString(""),
                    guarded(c.path("phone").asString("")),
                    guarded(c.path("companyName").asString(""))));
        }
        assertThat(expected).hasSize(12);

        HttpResponse<byte[]> csv = getBytes("/export/contacts?format=csv&" + query);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("contacts-");
        List<List<String>> records = ExportDownloadTest.parseCsv(csv.body());
        assertThat(records.get(0).subList(0, 4)).containsExactly("Name", "E-Mail", "Telefon", "Firma");
        assertThat(records.subList(1, records.size()).stream()
                        .map(r -> r.subList(0, 4))
                        .toList())
                .isEqualTo(expected);

        HttpResponse<byte[]> xlsx = getBytes("/export/contacts?format=xlsx&" + query);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> texts = ExportDownloadTest.texts(row);
                rows.add(new ArrayList<>(texts.subList(0, Math.min(4, texts.size()))));
            }
            assertThat(rows.subList(1, rows.size()).stream()
                            .map(r -> {
                                while (r.size() < 4) {
                                    r.add("");
                                }
                                return r;
                            })
                            .toList())
                    .isEqualTo(expected);
        }
    }

    private static String guarded(String text) {
        return text.startsWith("=") || text.startsWith("+") ? "'" + text : text;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        Api.withKey(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        Api.withKey(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
