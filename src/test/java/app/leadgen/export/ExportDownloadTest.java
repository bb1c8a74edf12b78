package app.leadgen.export;

import static app.leadgen.export.ExportFixtures.EVIL_BIO;
import static app.leadgen.export.ExportFixtures.HEADERS;
import static app.leadgen.export.ExportFixtures.MESSY_BIO;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.Finding;
import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CSV and Excel downloads against the whole app: parsed back with FastCSV and POI, they hold the
 * same rows in the same order with the same values as {@code GET /api/leads}, with every formula
 * neutralised.
 */
class ExportDownloadTest extends IntegrationTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @LocalServerPort
    int port;

    @Autowired
    LeadStore store;

    @Autowired
    JdbcClient jdbc;

    Api api;
    ExportFixtures fixtures;
    long run;

    record Download(int status, String contentType, String disposition, String cacheControl, byte[] body) {}

    @BeforeEach
    void seed() {
        api = new Api(port);
        fixtures = new ExportFixtures(store, jdbc);
        run = fixtures.seedRun();
    }

    @Test
    void csvHoldsTheTableAsTheApiShowsIt() throws IOException {
        for (String sort : List.of("foundAt,desc", "followers,asc", "bio,desc", "username,asc")) {
            String query = "runId=" + run + "&sort=" + sort;
            Download csv = download("/export?format=csv&" + query);

            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
            assertThat(csv.disposition()).isIn(disposition("csv"));
            assertThat(csv.cacheControl()).isEqualTo("no-store");
            assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);

            List<List<String>> records = parseCsv(csv.body());
            assertThat(records.get(0)).isEqualTo(HEADERS);
            List<List<String>> expected = ExportFixtures.expectedRows(api, query);
            assertThat(expected).hasSize(13);
            assertThat(records.subList(1, records.size())).as(sort).isEqualTo(expected);
        }
    }

    @Test
    void csvKeepsUmlautsQuotesAndLineBreaksAndNeutralisesFormulas() throws IOException {
        byte[] body =
                download("/export?format=csv&sort=username,asc&runId=" + run).body();
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);

        // RFC 4180: records end in CRLF; the bio's own line break stays inside its quotes
        assertThat(text).startsWith(String.join(",", HEADERS) + "\r\n").endsWith("\r\n");
        assertThat(text).contains("\"Yoga für Größere, \"\"Zen\"\" & mehr\nZweite Zeile; mit Komma, Ende\"");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r");

        List<List<String>> rows = parseCsv(body);
        List<String> anna = row(rows, fixtures.p + "anna");
        assertThat(anna.get(1)).isEqualTo("Änne Müller-Groß");
        assertThat(anna.get(2)).isEqualTo(MESSY_BIO);
        assertThat(anna.get(3)).isEqualTo("änne@müller.de");
        assertThat(anna.get(11)).isEqualTo("Größe");
        List<String> evil = row(rows, fixtures.p + "evil");
        assertThat(evil.get(1)).isEqualTo("'@admin");
        assertThat(evil.get(2)).isEqualTo("'" + EVIL_BIO);
        assertThat(evil.get(3)).isEqualTo("'-evil@example.org");
        assertThat(row(rows, fixtures.p + "phone").get(5)).isEqualTo("'+49 30 1234567");
        assertThat(row(rows, fixtures.p + "dup").get(14)).isEqualTo("ja");
        assertThat(row(rows, fixtures.p + "bare").subList(1, 10)).containsOnly("");
        for (List<String> record : rows) {
            for (String cell : record) {
                assertThat(cell).as("no cell starts a formula").doesNotMatch("(?s)^[=+\\-@\t\r].*");
            }
        }
    }

    @Test
    void excelHoldsTheSameRowsWithTypedCellsBoldFrozenHeaderAndFilter() throws IOException {
        Set<Path> tempBefore = poiTempFiles();
        String query = "runId=" + run + "&sort=followers,desc";
        Download xlsx = download("/export?format=xlsx&" + query);

        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.disposition()).isIn(disposition("xlsx"));
        List<List<String>> expected = ExportFixtures.expectedRows(api, query);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = workbook.getSheet("Leads");
            assertThat(sheet).isNotNull();
            Row header = sheet.getRow(0);
            assertThat(texts(header)).isEqualTo(HEADERS);
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:AC14");
            assertThat(sheet.getLastRowNum()).isEqualTo(13);

            for (int r = 1; r <= 13; r++) {
                Row row = sheet.getRow(r);
                assertThat(texts(row)).as("row " + r).isEqualTo(expected.get(r - 1));
            }
            // followers and run are numbers, "found at" a date, text stays text
            Row top = sheet.getRow(1);
            assertThat(top.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(top.getCell(9).getNumericCellValue()).isEqualTo(1_234_567d);
            assertThat(top.getCell(13).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(top.getCell(13).getNumericCellValue()).isEqualTo((double) run);
            assertThat(DateUtil.isCellDateFormatted(top.getCell(12))).isTrue();
            var lead =
                    api.get("/api/leads?size=1&" + query).json().path("items").path(0);
            assertThat(top.getCell(12).getLocalDateTimeCellValue()).isEqualTo(ExportFixtures.foundAt(lead));
            assertThat(top.getCell(5).getCellType()).isEqualTo(CellType.STRING);
            assertThat(top.getCell(5).getStringCellValue()).isEqualTo("'+49 30 1234567");
        }
        assertThat(poiTempFiles()).as("POI's temporary files are deleted").isEqualTo(tempBefore);
    }

    @Test
    void excelNeutralisesFormulasAndKeepsMessyText() throws IOException {
        byte[] body =
                download("/export?format=xlsx&sort=username,asc&runId=" + run).body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                rows.add(texts(row));
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("no formula cells").isNotEqualTo(CellType.FORMULA);
                }
            }
            assertThat(row(rows, fixtures.p + "evil").get(2)).isEqualTo("'" + EVIL_BIO);
            assertThat(row(rows, fixtures.p + "anna").get(2)).isEqualTo(MESSY_BIO);
            assertThat(row(rows, fixtures.p + "anna").get(1)).isEqualTo("Änne Müller-Groß");
        }
    }

    @Test
    void withoutRunIdEveryRunIsExportedAndWithItOnlyThatRun() throws IOException {
        long other = fixtures.newRun();
        store.saveFindings(other, "andere", List.of(new Finding("other", fixtures.p + "elsewhere")));

        List<String> onlyRun =
                usernames(parseCsv(download("/export?format=csv&runId=" + run).body()));
        List<String> all = usernames(parseCsv(download("/export?format=csv").body()));

        assertThat(onlyRun).hasSize(13).doesNotContain(fixtures.p + "elsewhere");
        assertThat(all).contains(fixtures.p + "elsewhere").containsAll(onlyRun);
        assertThat(all.size())
                .isEqualTo(api.get("/api/leads?size=1").json().path("total").asInt());
    }

    @Test
    void badFormatOrSortGetsAProblemInTheUsersLanguage() {
        assertProblem(api.get("/export?format=pdf"), "Unbekanntes Exportformat");
        assertProblem(api.get("/export"), "Unbekanntes Exportformat");
        assertProblem(api.get("/export?format=csv&sort=password,asc"), "Unbekannte Sortierung");
        assertProblem(api.get("/export?format=xlsx&sort=email,sideways"), "Unbekannte Sortierung");
        assertProblem(api.postForm("/export/sheets?sort=nope", ""), "Unbekannte Sortierung");
        assertProblem(api.get("/export?format=pdf&lang=en"), "Unknown export format");
        assertThat(api.get("/export?format=csv&runId=abc").status()).isEqualTo(400);
    }

    @Test
    void theExportsAreInTheOpenApiDocument() {
        assertThat(api.get("/v3/api-docs").json().path("paths").propertyNames()).contains("/export", "/export/sheets");
    }

    private static void assertProblem(Api.Reply reply, String detailPart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asString()).contains(detailPart);
    }

    private Download download(String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            app.leadgen.testing.Api.withKey(
                                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            return new Download(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Disposition").orElse(""),
                    r.headers().firstValue("Cache-Control").orElse(""),
                    r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Today's name, or yesterday's if the test ran across midnight in Berlin. */
    private static List<String> disposition(String extension) {
        LocalDate today = LocalDate.now(ExportFixtures.ZONE);
        return Stream.of(today, today.minusDays(1))
                .map(d -> "attachment; filename=\"leads-" + d + "." + extension + "\"")
                .toList();
    }

    static List<List<String>> parseCsv(byte[] body) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .detectBomHeader(true)
                .ofCsvRecord(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                records.add(record.getFields());
            }
        }
        return records;
    }

    /** Cell texts as the CSV writes them: numbers without decimals, dates as yyyy-MM-dd HH:mm:ss. */
    static List<String> texts(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < HEADERS.size(); c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                texts.add("");
            } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                texts.add(cell.getLocalDateTimeCellValue().format(TIME));
            } else {
                texts.add(format.formatCellValue(cell));
            }
        }
        return texts;
    }

    static List<String> row(List<List<String>> rows, String username) {
        return rows.stream()
                .filter(r -> r.get(0).equals(username))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + username));
    }

    private static List<String> usernames(List<List<String>> rows) {
        return rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
    }

    private static Set<Path> poiTempFiles() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return Set.copyOf(files.toList());
        }
    }
}
