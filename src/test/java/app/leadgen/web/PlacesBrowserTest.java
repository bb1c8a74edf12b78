package app.leadgen.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Browser;
import app.leadgen.testing.BrowserTest;
import app.leadgen.testing.PlacesScenario;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person starts a Places search on the page and reads the scored leads, why they scored, and their contacts. */
class PlacesBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void placesSearchShowsScoredLeadsWithReasonsAndContacts() {
        PlacesScenario town = new PlacesScenario().install();
        // the button searches every active location: only this test's town
        jdbc.sql("update target_locations set active = false").update();
        town.insertLocation(jdbc, "bakery,florist", true);

        java.util.List<String> failedCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.status() >= 400) {
                failedCalls.add(r.status() + " " + r.url());
            }
        });
        page.navigate("http://127.0.0.1:" + port + "/");
        page.locator("#session-skip").click();
        page.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Places-Suche starten"))
                .click();

        assertThat(page.locator("#run-status"))
                .hasText(
                        "Abgeschlossen",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.locator(".stages li[data-stage=PLACES] .stage-count"))
                .hasText("2 von 2 Suchen, 6 Treffer: 5 neu, 1 schon bekannt");
        assertThat(page.locator(".stages li[data-stage=QUALIFY] .stage-count")).containsText("2 qualifiziert");
        assertThat(page.locator(".stages li[data-stage=CRAWL]")).isHidden();
        assertThat(page.locator("#run-costs")).hasText("Externe Aufrufe: 3 × Google Places");

        page.locator("#source-filter").selectOption("places");
        page.locator("#only-latest-run").check();
        Locator rows = page.locator("#leads-body tr.place");
        assertThat(rows).hasCount(5);
        assertThat(page.locator("#leads-body tr.email-row")).hasCount(0);

        Locator florist = rows.filter(new Locator.FilterOptions().setHasText("Blumen Meier"));
        assertThat(florist.locator(".score-total")).hasText("65");
        assertThat(florist.locator(".lead-status")).hasText("Keine E-Mail");
        assertThat(florist).containsText("★ 4,8 (57)");
        assertThat(florist).containsText(town.city);
        assertThat(florist.locator(".contact-link")).hasCount(0);
        florist.getByText("warum 65?").click();
        Locator reasons = florist.locator(".score-reasons li");
        assertThat(reasons).hasText(new String[] {
            "Keine Website bei Google +40",
            "Kein Instagram-/Facebook-Profil +10",
            "Bewertung ab 4,0 +10",
            "Telefonnummer vorhanden +5"
        });

        Locator bakery = rows.filter(new Locator.FilterOptions().setHasText("Bäckerei Korn"));
        // scraped text is shown as text, never as markup
        assertThat(bakery.locator(".place-name a")).hasText("Bäckerei Korn <b>");
        assertThat(bakery.locator(".place-name b")).hasCount(0);
        assertThat(bakery.locator(".lead-status")).hasText("Nicht qualifiziert");
        assertThat(bakery).containsText("backstube@" + town.bakeryHost);
        assertThat(bakery).containsText("Quelle: website " + town.bakeryHost + "/impressum");
        assertThat(bakery).containsText("Domain nimmt E-Mails an");
        // its mailbox is a contact of the lead book, where it is drafted and sent; the florist has none
        assertThat(bakery.locator(".contact-link")).hasAttribute("href", Pattern.compile("^/contacts\\?id=\\d+$"));
        bakery.getByText("warum 25?").click();
        assertThat(bakery.locator(".score-reasons")).containsText("Telefonnummer vorhanden +5");

        Locator hair = rows.filter(new Locator.FilterOptions().setHasText("Friseur Haarmonie"));
        assertThat(hair.locator(".lead-status")).hasText("Qualifiziert");
        assertThat(hair).containsText("info@" + town.hairHost);
        assertThat(hair.locator(".guessed")).hasText("geraten");
        hair.getByText("warum 50?").click();
        assertThat(hair.locator(".score-reasons li").first())
                .hasText("Website antwortet mit Fehler oder gar nicht +25");

        Locator carpenter = rows.filter(new Locator.FilterOptions().setHasText("Tischlerei Wolf"));
        assertThat(carpenter).containsText("+49405551234");
        assertThat(carpenter).containsText("Quelle: website " + town.carpenterHost + "/");

        // the florist's reasons stay open for the screenshot; the others are closed again
        bakery.getByText("warum 25?").click();
        hair.getByText("warum 50?").click();
        page.evaluate("document.querySelector('.table-responsive').scrollLeft = 0");
        page.locator("#leads-table").scrollIntoViewIfNeeded();
        assertThat(Browser.screenshot(page, "places-results")).exists();
        // and the right end of the wide table: status, score and the open reasons
        page.evaluate("document.querySelector('.table-responsive').scrollLeft = 10000");
        assertThat(Browser.screenshot(page, "places-results-score")).exists();
        assertThat(failedCalls).isEmpty();
    }

    /**
     * Issue #5, as a user does it: a new location with two categories through the form on
     * „Orte & Zeitplan", then the start page, „Places-Suche starten", the progress of the run, and
     * the scored leads with „warum N?" and the contacts read from the local websites with their pages.
     */
    @Test
    void addALocationRunTheSearchAndReadTheScoredLeads() {
        // every Text Search answers after 1.5 s, so the run's progress can be seen
        PlacesScenario town = new PlacesScenario().install(1500);
        // the button searches every active location: only the one this test adds
        jdbc.sql("update target_locations set active = false").update();
        java.util.List<String> failedCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.status() >= 400) {
                failedCalls.add(r.status() + " " + r.url());
            }
        });

        page.navigate("http://127.0.0.1:" + port + "/");
        page.locator("#session-skip").click();
        page.locator("#nav-locations").click();
        assertThat(page.locator("h2.page-title")).hasText("Orte und Zeitplan");
        page.locator("#city").fill(town.city);
        page.locator("#state").fill("Berlin");
        page.locator("#country").fill("Deutschland");
        page.locator("#latitude").fill("52.52");
        page.locator("#longitude").fill("13.405");
        page.locator("#radius").fill("2000");
        page.getByRole(AriaRole.CHECKBOX, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Bäckerei"))
                .check();
        page.getByRole(AriaRole.CHECKBOX, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Blumenladen"))
                .check();
        page.locator("#location-save").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Ort „" + town.city + "“ gespeichert.");
        Locator location = page.locator("#locations-body tr").filter(new Locator.FilterOptions().setHasText(town.city));
        assertThat(location.locator(".category-chip")).hasText(new String[] {"Bäckerei", "Blumenladen"});
        assertThat(location.locator("td.status")).hasText("Aktiv");
        location.scrollIntoViewIfNeeded();
        Browser.screenshot(page, "places-flow-1-location");

        // back on the start page: „Ohne Session" was chosen before, the dialog does not ask again
        page.locator("#nav-leads").click();
        assertThat(page.locator("#session-modal")).isHidden();
        page.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Places-Suche starten"))
                .click();
        assertThat(page.locator(".app-toast").last()).containsText("Places-Suche");
        // progress while it works: status, the search stage with its counts
        assertThat(page.locator("#run-status")).hasText("Läuft");
        assertThat(page.locator(".stages li[data-stage=PLACES] .stage-count")).containsText("von 2 Suchen");
        Browser.screenshot(page, "places-flow-2-progress");

        assertThat(page.locator("#run-status"))
                .hasText(
                        "Abgeschlossen",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.locator(".stages li[data-stage=PLACES] .stage-count"))
                .hasText("2 von 2 Suchen, 6 Treffer: 5 neu, 1 schon bekannt");
        assertThat(page.locator(".stages li[data-stage=QUALIFY] .stage-count")).containsText("2 qualifiziert");
        assertThat(page.locator("#run-costs")).hasText("Externe Aufrufe: 3 × Google Places");

        page.locator("#source-filter").selectOption("places");
        page.locator("#only-latest-run").check();
        Locator rows = page.locator("#leads-body tr.place");
        assertThat(rows).hasCount(5);
        Locator florist = rows.filter(new Locator.FilterOptions().setHasText("Blumen Meier"));
        assertThat(florist.locator(".score-total")).hasText("65");
        // the category by its German name, as on the locations page
        assertThat(florist.locator("td.category")).containsText("Bäckerei");
        florist.getByText("warum 65?").click();
        assertThat(florist.locator(".score-reasons li").first()).hasText("Keine Website bei Google +40");

        // contacts from the local websites, each with the page it was read from
        Locator bakery = rows.filter(new Locator.FilterOptions().setHasText("Bäckerei Korn"));
        assertThat(bakery).containsText("backstube@" + town.bakeryHost);
        assertThat(bakery).containsText("Quelle: website " + town.bakeryHost + "/impressum");
        assertThat(bakery.locator(".score-total")).hasText("25");
        Locator carpenter = rows.filter(new Locator.FilterOptions().setHasText("Tischlerei Wolf"));
        assertThat(carpenter.locator("td.category")).containsText("Blumenladen");
        assertThat(carpenter).containsText("werkstatt@" + town.carpenterHost);
        assertThat(carpenter).containsText("+49405551234");
        assertThat(carpenter).containsText("Quelle: website " + town.carpenterHost + "/");
        Locator hair = rows.filter(new Locator.FilterOptions().setHasText("Friseur Haarmonie"));
        assertThat(hair.locator(".guessed")).hasText("geraten");
        carpenter.getByText(java.util.regex.Pattern.compile("^warum \\d+\\?$")).click();
        assertThat(carpenter.locator(".score-reasons li").first()).isVisible();

        page.evaluate("document.querySelector('.table-responsive').scrollLeft = 0");
        page.locator("#leads-table").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "places-flow-3-leads");
        page.evaluate("document.querySelector('.table-responsive').scrollLeft = 10000");
        Browser.screenshot(page, "places-flow-4-scores");
        assertThat(failedCalls).isEmpty();
    }
}
