package app.leadgen.book;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.BookBackfill;
import app.leadgen.leads.Finding;
import app.leadgen.leads.LeadStore;
import app.leadgen.leads.ProfileData;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.TestLeads;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Forgetting a person (GDPR Art. 17) erases it everywhere and keeps it from coming back; rows stored
 * before the lead book existed are brought into it after the upgrade.
 */
class ForgetAndBackfillTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    @Autowired
    LeadBook book;

    @Autowired
    BookBackfill backfill;

    Api api;
    String u;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        u = Long.toString(System.nanoTime(), 36);
    }

    @Test
    void aForgottenPersonIsErasedEverywhereAndNoSourceAddsThemAgain() {
        TestLeads leads = new TestLeads(jdbc, store);
        long run = leads.run("vergessen");
        String user = "forget_" + u;
        leads.lead(run, "vergessen", user, "Vera Vergessen", "bio", "vera@vergessen-" + u + ".de");
        store.saveDraft(user, "Betreff", "Text an Vera");
        long contactId = contactOf(user);
        JsonNode before = api.get("/api/contacts/" + contactId).json();
        assertThat(before.path("instagram").asString()).isEqualTo(user);
        assertThat(before.path("findings").get(0).path("detail").asString()).isEqualTo("vergessen");

        Api.Reply plainDelete = api.delete("/api/contacts/" + contactId);
        assertThat(plainDelete.status()).isEqualTo(400);
        assertThat(plainDelete.json().path("detail").asString()).contains("forget=true");
        assertThat(api.delete("/api/contacts/" + contactId + "?forget=true").status())
                .isEqualTo(204);

        assertThat(api.get("/api/contacts/" + contactId).status()).isEqualTo(404);
        await(() -> count("select count(*) from ig_profiles where username = '" + user + "'") == 0
                && count("select count(*) from leads where username = '" + user + "'") == 0);
        // only keyed hashes stay: neither the address nor the username in plain text
        assertThat(count(
                        "select count(*) from forgotten_people where hash like '%vera%' or hash like '%" + user + "%'"))
                .isZero();
        assertThat(book.isForgotten("VERA@vergessen-" + u + ".de", null)).isTrue();
        assertThat(book.isForgotten(null, "@" + user)).isTrue();

        // an Instagram run finding the account again, a CSV row naming the address: nothing is stored
        store.saveFindings(run, "vergessen", List.of(new Finding("wieder", user)));
        store.saveProfile(new ProfileData(user, "Vera", null, null, null, null, null, null, null, null, "apify:test"));
        assertThat(count("select count(*) from leads where username = '" + user + "'"))
                .isZero();
        assertThat(count("select count(*) from ig_profiles where username = '" + user + "'"))
                .isZero();
        Merged csv = book.merge(
                Origin.CSV,
                new ContactInput(
                        "Vera",
                        "V",
                        null,
                        null,
                        null,
                        "vera@vergessen-" + u + ".de",
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of(),
                        null),
                CompanyInput.none(),
                Sources.of("csv:9:2"));
        assertThat(csv.suppressed()).isTrue();
        assertThat(api.get("/api/contacts?q=vera@vergessen-" + u)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void rowsFromBeforeTheLeadBookAreBroughtInWithTheirSources() {
        Timestamp now = Timestamp.from(Instant.now());
        long run = new TestLeads(jdbc, store).run("vorher");
        String user = "before_" + u;
        jdbc.sql("insert into ig_profiles (username, full_name, email, email_source, phone, phone_source, website,"
                        + " website_source, updated_at) values (:u, 'Alte Zeiten', :e, 'perplexity:sonar', '030 555 12',"
                        + " 'website:https://alt-" + u + ".de/kontakt', 'https://alt-" + u + ".de',"
                        + " 'apify:8WEn9FvZnhE7lM3oA', :now)")
                .param("u", user)
                .param("e", "alt@alt-" + u + ".de")
                .param("now", now)
                .update();
        jdbc.sql("insert into places (place_id, run_id, name, category, city, phone, phone_source, status,"
                        + " email, email_source, email_check, email_guessed, discovered_at, updated_at)"
                        + " values (:p, :run, 'Alter Laden', 'store', 'Bonn', '+49 228 123456', 'places', 'qualified',"
                        + " :e, 'website:http://laden/impressum', 'ok', false, :now, :now)")
                .param("p", "ChIJalt_" + u)
                .param("run", run)
                .param("e", "laden@laden-" + u + ".de")
                .param("now", now)
                .update();

        backfill.run();

        JsonNode account =
                api.get("/api/contacts?q=" + user).json().path("items").get(0);
        JsonNode detail =
                api.get("/api/contacts/" + account.path("id").asLong()).json();
        assertThat(detail.path("email").asString()).isEqualTo("alt@alt-" + u + ".de");
        assertThat(detail.path("phone").asString()).isEqualTo("+4930555 12".replace(" ", ""));
        assertThat(detail.path("provenance").path("email").path("source").asString())
                .isEqualTo("perplexity:sonar");
        assertThat(detail.path("provenance").path("phone").path("source").asString())
                .isEqualTo("website:https://alt-" + u + ".de/kontakt");
        assertThat(detail.path("provenance").path("instagram").path("source").asString())
                .isEqualTo("apify:8WEn9FvZnhE7lM3oA");
        assertThat(detail.path("company").path("domain").asString()).isEqualTo("alt-" + u + ".de");

        JsonNode shop = api.get("/api/companies?q=Alter%20Laden&city=bonn")
                .json()
                .path("items")
                .get(0);
        assertThat(shop.path("placeId").asString()).isEqualTo("ChIJalt_" + u);
        assertThat(shop.path("phone").asString()).isEqualTo("+49228123456");
        JsonNode people =
                api.get("/api/companies/" + shop.path("id").asLong()).json().path("contacts");
        assertThat(people.get(0).path("email").asString()).isEqualTo("laden@laden-" + u + ".de");
        assertThat(people.get(0).path("status").asString()).isEqualTo("qualified");

        // once in, a second pass changes nothing
        long contacts = count("select count(*) from contacts");
        backfill.run();
        assertThat(count("select count(*) from contacts")).isEqualTo(contacts);
    }

    private long contactOf(String username) {
        for (JsonNode item : api.get("/api/leads?size=500&sort=id,desc").json().path("items")) {
            if (username.equals(item.path("username").asString())) {
                return item.path("contactId").asLong();
            }
        }
        throw new AssertionError("no lead @" + username);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void await(java.util.function.BooleanSupplier done) {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not erased within 20 s");
            }
            Api.sleep(100);
        }
    }
}
