package app.leadgen.export;

import app.leadgen.leads.Finding;
import app.leadgen.leads.LeadStore;
import app.leadgen.leads.ProfileData;
import app.leadgen.testing.Api;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Leads for the export tests, stored the way a run stores them, with the text that breaks naive
 * exports: umlauts, quotes, commas and line breaks in a bio, and formulas.
 */
final class ExportFixtures {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final String EVIL_BIO = "=HYPERLINK(\"http://evil\",\"x\")";
    static final String MESSY_BIO = "Yoga für Größere, \"Zen\" & mehr\nZweite Zeile; mit Komma, Ende";
    static final List<String> HEADERS = List.of(
            "Username",
            "Name",
            "Bio",
            "E-Mail",
            "E-Mail-Quelle",
            "Telefon",
            "Telefon-Quelle",
            "Website",
            "Website-Quelle",
            "Follower",
            "Hashtag",
            "Keyword",
            "Gefunden am",
            "Lauf",
            "Duplikat",
            "Profil-URL",
            "Quelle",
            "Firmenname",
            "Kategorie",
            "Adresse",
            "Stadt",
            "Bewertung",
            "Rezensionen",
            "Status",
            "Score",
            "Score-Gründe",
            "E-Mail-Prüfung",
            "E-Mail geraten",
            "Google-Maps-URL");

    private static final AtomicLong TAG = new AtomicLong();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final LeadStore store;
    private final JdbcClient jdbc;
    /** A per-test username prefix: the test classes share one database. */
    final String p = "x" + System.nanoTime() % 1_000_000 + TAG.incrementAndGet() + "_";

    ExportFixtures(LeadStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** A run with 13 rows (more than one database page and Sheets chunk in the test profile). */
    long seedRun() {
        long run = newRun();
        List<Finding> findings = new ArrayList<>();
        for (String tag : List.of("yogaberlin", "größe")) {
            findings.add(new Finding(tag, p + "dup"));
        }
        for (String user : List.of("anna", "evil", "phone", "bare")) {
            findings.add(new Finding("yogaberlin", p + user));
        }
        for (int i = 0; i < 7; i++) {
            findings.add(new Finding("yogaberlin", p + "n" + i));
        }
        store.saveFindings(run, "Größe", findings);
        profile(p + "anna", "Änne Müller-Groß", MESSY_BIO, "änne@müller.de", null, "https://müller.de", 5400L);
        profile(p + "evil", "@admin", EVIL_BIO, "-evil@example.org", null, "https://evil.example", 66L);
        profile(p + "phone", "Phone Studio", "-Minus am Anfang", null, "+49 30 1234567", null, 1_234_567L);
        profile(p + "dup", "Dup Studio", "Zweimal gefunden", "dup@studio.de", null, null, 12L);
        for (int i = 0; i < 7; i++) {
            profile(p + "n" + i, "N " + i, "Bio " + i, "n" + i + "@x.de", null, null, (long) i * 100);
        }
        // "bare" has no profile at all: every profile column is empty
        return run;
    }

    long newRun() {
        jdbc.sql(
                        "insert into runs (source, keyword, status, stage, created_at) values ('instagram', 'Größe', 'COMPLETED', 'DONE', current_timestamp)")
                .update();
        return jdbc.sql("select max(id) from runs").query(Long.class).single();
    }

    private void profile(String username, String name, String bio, String email, String phone, String web, Long f) {
        store.saveProfile(new ProfileData(username, name, bio, email, phone, web, f, 1L, 2L, false, "apify:test"));
    }

    /**
     * The rows {@code GET /api/leads} shows for these filters, as the export must write them: all
     * cells as text, times in the export's zone, text cells neutralised.
     */
    static List<List<String>> expectedRows(Api api, String query) {
        JsonNode page = api.get("/api/leads?size=500&" + query).json();
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode lead : page.path("items")) {
            List<String> row = new ArrayList<>();
            for (String field : List.of(
                    "username",
                    "fullName",
                    "bio",
                    "email",
                    "emailSource",
                    "phone",
                    "phoneSource",
                    "website",
                    "websiteSource")) {
                row.add(guarded(lead.path(field)));
            }
            row.add(lead.path("followers").isNumber() ? lead.path("followers").asString() : "");
            row.add(guarded(lead.path("hashtag")));
            row.add(guarded(lead.path("keyword")));
            row.add(TIME.format(foundAt(lead)));
            row.add(lead.path("runId").asString());
            row.add(lead.path("duplicate").asBoolean() ? "ja" : "nein");
            row.add(guarded(lead.path("profileUrl")));
            row.add(guarded(lead.path("source")));
            for (String field : List.of("name", "category", "address", "city")) {
                row.add(guarded(lead.path(field)));
            }
            row.add(lead.path("rating").isNumber() ? lead.path("rating").asString() : "");
            row.add(
                    lead.path("reviewCount").isNumber()
                            ? lead.path("reviewCount").asString()
                            : "");
            row.add(guarded(lead.path("status")));
            row.add(lead.path("score").isNumber() ? lead.path("score").asString() : "");
            List<String> reasons = new ArrayList<>();
            lead.path("scoreReasons").forEach(r -> reasons.add(r.path("rule").asString() + " +" + r.path("points")));
            row.add(String.join(", ", reasons));
            row.add(guarded(lead.path("emailCheck")));
            row.add(
                    lead.path("emailGuessed").isBoolean()
                            ? (lead.path("emailGuessed").asBoolean() ? "ja" : "nein")
                            : "");
            row.add(guarded(lead.path("mapsUrl")));
            rows.add(row);
        }
        if (rows.size() != page.path("total").asInt()) {
            throw new AssertionError("more rows than one API page: " + page.path("total"));
        }
        return rows;
    }

    /** When the lead was found, to the second, in the export's zone. */
    static LocalDateTime foundAt(JsonNode lead) {
        return LocalDateTime.ofInstant(Instant.parse(lead.path("foundAt").asString()), ZONE)
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private static String guarded(JsonNode node) {
        return node.isString() ? FormulaGuard.neutralise(node.asString()) : "";
    }
}
