package app.leadgen.imports;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.TestLeads;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CSV imports through the API: upload, mapping, the run of source csv, the lead book, errors.csv. */
class ImportRunTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    Api api;
    String u;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        u = Long.toString(System.nanoTime(), 36);
    }

    /** A German Excel export: Windows-1252, semicolons, German headers, one bad row, one formula, a duplicate. */
    private String germanCsv() {
        return "Anrede;Vorname;Nachname;Firma;E-Mail;Telefon;PLZ;Ort;Webseite;Kundennr.\r\n"
                + "Herr;Jörg;Weiß;Bäckerei Weiß " + u + ";joerg@weiss-" + u + ".de;030 1234567;10115;Berlin;"
                + "www.weiss-" + u + ".de;K-17\r\n"
                + "Frau;Anna;Müller;Café Müller " + u + ";ANNA@mueller-" + u + ".de;;50667;Köln;;=HYPERLINK(\"x\")\r\n"
                + ";;;;;;;;;nur eine Notiz\r\n"
                + "Frau;Anna;Müller;Café Müller " + u + ";anna@mueller-" + u + ".de;;50667;Köln;;K-18\r\n"
                + "Herr;Max;Mustermann;Muster " + u + ";kein-at-zeichen;0221 555 0;50668;Köln;;K-19\r\n";
    }

    @Test
    void aGermanExcelFileIsReadMappedCorrectedAndImportedIntoTheLeadBook() {
        Fakes.MAIL_DOMAINS.add("weiss-" + u + ".de");
        Fakes.MAIL_DOMAINS.add("mueller-" + u + ".de");
        Upload up = upload("kunden.csv", germanCsv().getBytes(WINDOWS_1252), "messe-" + u, null, false);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        JsonNode imp = up.json();
        assertThat(imp.path("status").asString()).isEqualTo("MAPPING");
        assertThat(imp.path("encoding").asString()).isEqualTo("Windows-1252");
        assertThat(imp.path("delimiter").asString()).isEqualTo(";");
        assertThat(imp.path("rows").asLong()).isEqualTo(5);
        assertThat(imp.path("columns").get(1).asString()).isEqualTo("Vorname");
        assertThat(imp.path("sample").get(0).get(1).asString()).isEqualTo("Jörg");
        assertThat(imp.path("mapping").path("E-Mail").asString()).isEqualTo("email");
        assertThat(imp.path("mapping").path("Firma").asString()).isEqualTo("companyName");
        assertThat(imp.path("mapping").path("Kundennr.").isNull())
                .as("kept as a custom field")
                .isTrue();
        long id = imp.path("id").asLong();

        // the person corrects one column: Ort is the city (already), Webseite → website; PLZ stays
        Api.Reply bad = api.putJson("/api/imports/" + id + "/mapping", "{\"mapping\": {\"Ort\": \"stadt\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asString()).contains("kein Feld");
        Api.Reply fixed = api.putJson("/api/imports/" + id + "/mapping", "{\"mapping\": {\"Kundennr.\": \"notes\"}}");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().path("mapping").path("Kundennr.").asString()).isEqualTo("notes");

        JsonNode done = startAndAwait(id);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        JsonNode counts = done.path("counts");
        assertThat(counts.path("rows").asInt()).isEqualTo(5);
        assertThat(counts.path("imported").asInt()).isEqualTo(4);
        assertThat(counts.path("invalid").asInt())
                .as("the row with only a note")
                .isEqualTo(1);
        assertThat(counts.path("duplicatesInFile").asInt())
                .as("Anna twice, in another case")
                .isEqualTo(1);
        assertThat(counts.path("contactsCreated").asInt()).isEqualTo(3);
        assertThat(counts.path("companiesCreated").asInt()).isEqualTo(3);
        Api.Reply late = api.putJson("/api/imports/" + id + "/mapping", "{\"mapping\": {\"PLZ\": null}}");
        assertThat(late.status()).as("no change once started").isEqualTo(409);

        JsonNode joerg = api.get("/api/contacts?importId=" + id + "&q=joerg@")
                .json()
                .path("items")
                .get(0);
        assertThat(joerg.path("firstName").asString()).isEqualTo("Jörg");
        assertThat(joerg.path("title").asString()).isEqualTo("Herr");
        assertThat(joerg.path("phone").asString()).isEqualTo("+49301234567");
        assertThat(joerg.path("emailCheck").asString()).isEqualTo("ok");
        assertThat(joerg.path("tags").get(0).asString()).isEqualTo("messe-" + u);
        JsonNode detail = api.get("/api/contacts/" + joerg.path("id").asLong()).json();
        assertThat(detail.path("provenance").path("email").path("source").asString())
                .isEqualTo("csv:" + id + ":2");
        assertThat(detail.path("notes").asString()).isEqualTo("K-17");
        assertThat(detail.path("company").path("postalCode").asString()).isEqualTo("10115");
        assertThat(detail.path("company").path("domain").asString()).isEqualTo("weiss-" + u + ".de");
        assertThat(detail.path("imports").get(0).path("importId").asLong()).isEqualTo(id);
        JsonNode max = api.get("/api/contacts?importId=" + id + "&q=Mustermann")
                .json()
                .path("items")
                .get(0);
        assertThat(max.path("email").isNull())
                .as("the invalid address was dropped, the row kept")
                .isTrue();

        String errors = api.get("/api/imports/" + id + "/errors.csv").body();
        assertThat(errors).startsWith("\uFEFFZeile;Art;Grund;Anrede;Vorname");
        assertThat(errors).contains("4;nicht importiert;Keine verwendbare Identität");
        assertThat(errors)
                .contains("6;importiert, ohne diesen Wert;Spalte „E-Mail“: „kein-at-zeichen“ ist keine gültige");
        assertThat(errors).doesNotContain(";=HYPERLINK");

        // the same file again creates nothing new
        Upload again = upload("kunden.csv", germanCsv().getBytes(WINDOWS_1252), null, null, true);
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        JsonNode second = await(again.json().path("id").asLong());
        assertThat(second.path("counts").path("contactsCreated").asInt()).isZero();
        assertThat(second.path("counts").path("companiesCreated").asInt()).isZero();
        assertThat(second.path("counts").path("imported").asInt()).isEqualTo(4);
    }

    @Test
    void rowsMatchingKnownLeadsMergeAndForgottenPeopleAreSuppressed() {
        TestLeads leads = new TestLeads(jdbc, store);
        long run = leads.run("csv");
        String user = "csvlead_" + u;
        leads.lead(run, "csv", user, "Ida Insta", "bio", "ida@insta-" + u + ".de");
        long idaContact = api.get("/api/contacts?q=" + user)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        leads.lead(run, "csv", "gone_" + u, "Gerd Gone", "bio", "gerd@gone-" + u + ".de");
        long gerd = api.get("/api/contacts?q=gone_" + u)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        assertThat(api.delete("/api/contacts/" + gerd + "?forget=true").status())
                .isEqualTo(204);

        String csv = "email,first name,last name,position,instagram\n"
                + "IDA@insta-" + u + ".de,Ida,Insta,Inhaberin,\n"
                + "gerd@gone-" + u + ".de,Gerd,Gone,,\n"
                + ",Otto,Only," + "Chef,@only_" + u + "\n";
        String mapping =
                "{\"mapping\": {\"email\": \"email\", \"first name\": \"firstName\", \"last name\": \"lastName\","
                        + " \"position\": \"position\", \"instagram\": \"instagram\"}}";
        Upload up = upload("leads.csv", csv.getBytes(StandardCharsets.UTF_8), null, mapping, true);
        assertThat(up.status()).as(up.body()).isEqualTo(202);
        JsonNode done = await(up.json().path("id").asLong());
        assertThat(done.path("counts").path("suppressed").asInt()).isEqualTo(1);
        assertThat(done.path("counts").path("contactsUpdated").asInt()).isEqualTo(1);
        assertThat(done.path("counts").path("contactsCreated").asInt()).isEqualTo(1);
        JsonNode ida = api.get("/api/contacts/" + idaContact).json();
        assertThat(ida.path("position").asString()).isEqualTo("Inhaberin");
        assertThat(ida.path("sources").toString()).contains("instagram", "csv");
        assertThat(api.get("/api/contacts?q=gerd@gone-" + u)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/imports/" + done.path("id").asLong() + "/errors.csv")
                        .body())
                .contains("vergessen zu werden");
    }

    @Test
    void aStoppedImportResumesWhereItStoppedAndImportsEveryRowOnce() {
        StringBuilder csv = new StringBuilder("E-Mail;Vorname;Nachname;Firma\n");
        int rows = 3000;
        for (int i = 0; i < rows; i++) {
            csv.append("p")
                    .append(i)
                    .append("@stop-")
                    .append(u)
                    .append(".de;P")
                    .append(i)
                    .append(";Stop;Firma ")
                    .append(i % 50)
                    .append(' ')
                    .append(u)
                    .append('\n');
        }
        Upload up = upload("gross.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, null, true);
        assertThat(up.status()).as(up.body()).isEqualTo(202);
        long id = up.json().path("id").asLong();
        long runId = up.json().path("runId").asLong();
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (api.get("/api/imports/" + id)
                        .json()
                        .path("counts")
                        .path("imported")
                        .asInt()
                == 0) {
            assertThat(Instant.now()).isBefore(end);
            Api.sleep(20);
        }
        assertThat(api.postJson("/api/runs/" + runId + "/stop", "").status()).isEqualTo(200);
        JsonNode stopped = await(id);
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        int before = stopped.path("counts").path("imported").asInt();
        assertThat(before).isBetween(1, rows - 1);

        assertThat(api.postJson("/api/runs/" + runId + "/resume", "").status()).isEqualTo(202);
        JsonNode done = await(id);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.get("/api/contacts?importId=" + id + "&size=1")
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from contact_imports where import_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("every line once")
                .isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from import_chunks where import_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("the file is gone once imported")
                .isZero();
    }

    @Test
    void badUploadsGetProblems() {
        assertThat(upload("leer.csv", new byte[0], null, null, false).status()).isEqualTo(400);
        Upload badMapping = upload("a.csv", "E-Mail\nx@y.de\n".getBytes(StandardCharsets.UTF_8), null, "[1,2]", false);
        assertThat(badMapping.status()).isEqualTo(400);
        assertThat(api.get("/api/imports/987654321").status()).isEqualTo(404);
        assertThat(api.postJson("/api/imports/987654321/start", "").status()).isEqualTo(404);
        Upload ok = upload("a.csv", ("E-Mail\nx@y-" + u + ".de\n").getBytes(StandardCharsets.UTF_8), null, null, true);
        assertThat(api.postJson("/api/imports/" + ok.json().path("id").asLong() + "/start", "")
                        .status())
                .as("started twice")
                .isEqualTo(409);
    }

    private JsonNode startAndAwait(long id) {
        Api.Reply started = api.postJson("/api/imports/" + id + "/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("runId").asLong()).isPositive();
        JsonNode run =
                api.get("/api/runs/" + started.json().path("runId").asLong()).json();
        assertThat(run.path("source").asString()).isEqualTo("csv");
        return await(id);
    }

    private JsonNode await(long id) {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode imp = null;
        while (Instant.now().isBefore(end)) {
            imp = api.get("/api/imports/" + id).json();
            String status = imp.path("status").asString();
            if (!status.equals("RUNNING") && !status.equals("MAPPING")) {
                return imp;
            }
            Api.sleep(200);
        }
        throw new AssertionError("import " + id + " did not end: " + imp);
    }

    record Upload(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A multipart upload as a browser or curl sends it, with the test API key. */
    private Upload upload(String name, byte[] content, String tag, String mapping, boolean start) {
        String boundary = "----leadgen" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "file\"; filename=\"" + name, "text/csv", content);
        if (tag != null) {
            part(body, boundary, "tag", "text/plain; charset=UTF-8", tag.getBytes(StandardCharsets.UTF_8));
        }
        if (mapping != null) {
            part(body, boundary, "mapping", "application/json", mapping.getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + port + "/api/imports" + (start ? "?start=true" : "")))
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .header("X-API-Key", Api.KEY)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Upload(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String type, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: "
                        + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
