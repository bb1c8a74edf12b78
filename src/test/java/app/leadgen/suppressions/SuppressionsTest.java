package app.leadgen.suppressions;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.TestLeads;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /api/suppressions}: addresses and domains on the list, the check every sender asks, CSV import, forgetting. */
class SuppressionsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    @Autowired
    Suppressions suppressions;

    Api api;
    String u;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        u = Long.toString(System.nanoTime(), 36);
    }

    @Test
    void addressesAndWholeDomainsAreSuppressedNormalisedAndOnlyOnce() {
        Api.Reply added = api.postJson(
                "/api/suppressions", "{\"email\": \" Anna.Alt@Firma-" + u + ".DE \", \"reason\": \"unsubscribed\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("email").asString()).isEqualTo("anna.alt@firma-" + u + ".de");
        assertThat(added.json().path("reason").asString()).isEqualTo("unsubscribed");
        assertThat(added.json().path("created").asBoolean()).isTrue();
        assertThat(added.json().path("createdBy").asString()).isEqualTo("API_KEY");

        Api.Reply again = api.postJson("/api/suppressions", "{\"email\": \"anna.alt@firma-" + u + ".de\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("created").asBoolean()).isFalse();
        assertThat(again.json().path("reason").asString())
                .as("the first entry stays")
                .isEqualTo("unsubscribed");

        Api.Reply domain = api.postJson("/api/suppressions", "{\"domain\": \"@Konkurrenz-" + u + ".DE\"}");
        assertThat(domain.status()).as(domain.body()).isEqualTo(201);
        assertThat(domain.json().path("domain").asString()).isEqualTo("konkurrenz-" + u + ".de");
        assertThat(domain.json().path("reason").asString()).isEqualTo("manual");

        // the address, its domain and any subdomain of a listed domain; a neighbour is not touched
        assertThat(suppressions.isSuppressed("ANNA.ALT@firma-" + u + ".de")).isTrue();
        assertThat(suppressions.isSuppressed("ben@firma-" + u + ".de")).isFalse();
        assertThat(suppressions.isSuppressed("chef@konkurrenz-" + u + ".de")).isTrue();
        assertThat(suppressions.isSuppressed("info@mail.konkurrenz-" + u + ".de"))
                .isTrue();
        assertThat(suppressions.isSuppressed("info@nicht-konkurrenz-" + u + ".de"))
                .isFalse();
        assertThat(suppressions.reasonFor("chef@konkurrenz-" + u + ".de")).contains("manual");
        JsonNode check = api.get("/api/suppressions/check?email=chef@konkurrenz-" + u + ".de")
                .json();
        assertThat(check.path("suppressed").asBoolean()).isTrue();

        JsonNode page = api.get("/api/suppressions?q=" + u + "&size=10").json();
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("domain").asString())
                .as("newest first")
                .isEqualTo("konkurrenz-" + u + ".de");

        assertThat(api.request("DELETE", "/api/suppressions", "{\"domain\": \"konkurrenz-" + u + ".de\"}")
                        .status())
                .isEqualTo(204);
        assertThat(suppressions.isSuppressed("chef@konkurrenz-" + u + ".de")).isFalse();
        long id = added.json().path("id").asLong();
        assertThat(api.delete("/api/suppressions/" + id).status()).isEqualTo(204);
        assertThat(api.delete("/api/suppressions/" + id).status()).isEqualTo(404);
        assertThat(suppressions.isSuppressed("anna.alt@firma-" + u + ".de")).isFalse();
        assertThat(api.get("/api/suppressions?q=" + u).json().path("total").asLong())
                .isZero();
    }

    @Test
    void unsubscribesAndBouncesLandThroughTheJavaApiIdempotently() {
        assertThat(suppressions.suppress("Bounce@Weg-" + u + ".de", Reason.BOUNCED))
                .isTrue();
        assertThat(suppressions.suppress("bounce@weg-" + u + ".de", Reason.UNSUBSCRIBED))
                .isTrue();
        assertThat(suppressions.suppress("kein-adresse", Reason.BOUNCED)).isFalse();
        assertThat(suppressions.reasonFor("bounce@weg-" + u + ".de")).contains("bounced");
        JsonNode page = api.get("/api/suppressions?q=weg-" + u).json();
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("createdBy").asString()).isEqualTo("system");
    }

    @Test
    void mistakesAreRefusedInGerman() {
        Api.Reply both = api.postJson("/api/suppressions", "{\"email\": \"a@b.de\", \"domain\": \"b.de\"}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().path("detail").asString()).contains("genau eines");
        assertThat(api.postJson("/api/suppressions", "{}").status()).isEqualTo(400);
        Api.Reply badEmail = api.postJson("/api/suppressions", "{\"email\": \"keine adresse@\"}");
        assertThat(badEmail.json().path("detail").asString()).contains("keine gültige E-Mail-Adresse");
        Api.Reply badDomain = api.postJson("/api/suppressions", "{\"domain\": \"nur_so\"}");
        assertThat(badDomain.json().path("detail").asString()).contains("keine gültige Domain");
        Api.Reply forgotten = api.postJson("/api/suppressions", "{\"email\": \"x@y.de\", \"reason\": \"forgotten\"}");
        assertThat(forgotten.status()).isEqualTo(400);
        assertThat(forgotten.json().path("detail").asString()).contains("Vergessen eines Kontakts");
        Api.Reply reason = api.postJson("/api/suppressions", "{\"email\": \"x@y.de\", \"reason\": \"egal\"}");
        assertThat(reason.json().path("detail").asString()).contains("Unbekannter Grund");
        assertThat(api.get("/api/suppressions?size=1000").status()).isEqualTo(400);
        assertThat(api.request("DELETE", "/api/suppressions", "{\"email\": \"nie-da-" + u + "@y.de\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCsvFileWithAnEmailColumnIsImportedAndItsBadLinesCounted() {
        String csv = "Name;E-Mail;Ort\n"
                + "Jörg;joerg@import-" + u + ".de;Köln\n"
                + "Kaputt;kein at zeichen;Bonn\n"
                + "Doppelt;JOERG@import-" + u + ".de;Köln\n"
                + "Ganz;import-dom-" + u + ".de;Berlin\n";
        Api.Reply reply = api.postFile(
                "/api/suppressions/import",
                "sperre.csv",
                csv.getBytes(Charset.forName("windows-1252")),
                Map.of("reason", "complained"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("lines").asLong()).isEqualTo(4);
        assertThat(reply.json().path("added").asLong()).isEqualTo(2);
        assertThat(reply.json().path("already").asLong()).isEqualTo(1);
        assertThat(reply.json().path("invalid").asLong()).isEqualTo(1);
        assertThat(reply.json().path("invalidLines").get(0).asLong()).isEqualTo(3);
        assertThat(suppressions.reasonFor("joerg@import-" + u + ".de")).contains("complained");
        assertThat(suppressions.isSuppressed("wer@import-dom-" + u + ".de")).isTrue();
    }

    @Test
    void aPlainListWithoutHeaderIsImportedFromItsFirstLine() {
        String list = "erste@liste-" + u + ".de\r\nzweite@liste-" + u + ".de\r\n\r\nliste-dom-" + u + ".de\r\n";
        Api.Reply reply =
                api.postFile("/api/suppressions/import", "liste.txt", list.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("lines").asLong()).isEqualTo(3);
        assertThat(reply.json().path("added").asLong()).isEqualTo(3);
        assertThat(suppressions.reasonFor("erste@liste-" + u + ".de")).contains("manual");
        assertThat(suppressions.isSuppressed("x@liste-dom-" + u + ".de")).isTrue();
        assertThat(api.postFile("/api/suppressions/import", "leer.csv", new byte[0], Map.of())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aForgottenPersonIsSuppressedWithoutTheirAddressBeingKept() {
        TestLeads leads = new TestLeads(jdbc, store);
        long run = leads.run("sperre");
        String user = "sperre_" + u;
        String email = "vera@vergessen-" + u + ".de";
        leads.lead(run, "sperre", user, "Vera Vergessen", "bio", email);
        long contactId = jdbc.sql("select contact_id from ig_profiles where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
        suppressions.suppress(email, Reason.UNSUBSCRIBED);
        long forgottenBefore = forgottenEntries();

        assertThat(api.delete("/api/contacts/" + contactId + "?forget=true").status())
                .isEqualTo(204);

        await(() -> forgottenEntries() == forgottenBefore + 1);
        assertThat(jdbc.sql("select count(*) from suppressions where email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .as("the plain address is erased")
                .isZero();
        assertThat(suppressions.reasonFor(email)).contains("forgotten");
        // the newest forgotten entry, found by id: other test classes on the same database write entries
        // with a moved clock, so the list's first row need not be this one
        long id = jdbc.sql("select max(id) from suppressions where reason = 'forgotten'")
                .query(Long.class)
                .single();
        JsonNode entry = null;
        for (JsonNode item : api.get("/api/suppressions?size=200").json().path("items")) {
            if (item.path("id").asLong() == id) {
                entry = item;
            }
        }
        assertThat(entry).as("the forgotten entry in the list").isNotNull();
        assertThat(entry.path("reason").asString()).isEqualTo("forgotten");
        assertThat(entry.path("email").isNull()).isTrue();
    }

    private long forgottenEntries() {
        return jdbc.sql("select count(*) from suppressions where reason = 'forgotten'")
                .query(Long.class)
                .single();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("condition not met in 10 s");
            }
            Api.sleep(50);
        }
    }
}
