package app.leadgen.locations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.schedule.RecordingRoutine;
import app.leadgen.testing.Api;
import app.leadgen.testing.Browser;
import app.leadgen.testing.BrowserTest;
import com.microsoft.playwright.Locator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The locations page in Chromium: a location's whole life, the schedule and „Jetzt ausführen". */
@Import(RecordingRoutine.Config.class)
class LocationsBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    RecordingRoutine routine;

    @Autowired
    JdbcClient jdbc;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private Locator row(String city) {
        return page.locator("#locations-body tr")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("td.city")
                                .getByText(city, new Locator.GetByTextOptions().setExact(true))));
    }

    @Test
    void addEditDeactivateAndDeleteALocation() {
        String city = "Bamberg " + System.nanoTime() % 100_000;
        page.navigate(base() + "/");
        page.locator("#session-skip").click(); // the home page asks for the Instagram session first
        page.locator("#nav-locations").click();
        assertThat(page).hasURL(base() + "/locations");
        assertThat(page).hasTitle("Orte und Zeitplan – LeadGen");
        assertThat(page.locator("h2.page-title")).hasText("Orte und Zeitplan");
        assertThat(page.locator("#category-list input[value='bakery'] + .category-label"))
                .hasText("Bäckerei");
        assertThat(page.locator("#category-list input[name='category']")).hasCount(13);

        // an error comes back in German from the server's problem detail
        page.locator("#category-list input[value='bakery']").check();
        page.locator("#location-save").click();
        assertThat(page.locator("#location-error")).hasText("Bitte eine Stadt angeben.");
        assertThat(page.locator(".app-toast.error").last()).hasText("Bitte eine Stadt angeben.");

        page.locator("#city").fill(city);
        page.locator("#state").fill("Bayern");
        page.locator("#country").fill("Deutschland");
        page.locator("#latitude").fill("49.8917");
        page.locator("#longitude").fill("10.8918");
        page.locator("#category-list input[value='florist']").check();
        page.locator("#custom-category").fill("Book-Store");
        page.locator("#custom-add").click();
        assertThat(page.locator("#location-error")).containsText("„Book-Store“ ist keine gültige Kategorie");
        page.locator("#custom-category").fill("book_store");
        page.locator("#custom-add").click();
        assertThat(page.locator("#location-error")).isHidden();
        assertThat(page.locator("#category-list input[value='book_store']")).isChecked();
        Browser.screenshot(page, "locations-form-filled");

        page.locator("#location-save").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Ort „" + city + "“ gespeichert.");
        Locator row = row(city);
        assertThat(row).hasCount(1);
        assertThat(row.locator(".category-chip")).hasText(new String[] {"Bäckerei", "Blumenladen", "book_store"});
        assertThat(row.locator("td").nth(1)).hasText("Bayern, Deutschland");
        assertThat(row.locator("td").nth(2)).hasText("5000 m um 49.8917, 10.8918");
        assertThat(row.locator("td.status")).hasText("Aktiv");
        assertThat(page.locator("#city")).hasValue("");
        assertThat(page.locator("#category-list input[value='book_store']")).hasCount(0);
        Browser.screenshot(page, "locations-added");

        // edit
        row.locator(".edit-button").click();
        assertThat(page.locator("#location-form-title")).hasText("Ort bearbeiten");
        assertThat(page.locator("#city")).hasValue(city);
        assertThat(page.locator("#category-list input[value='book_store']")).isChecked();
        assertThat(page.locator("#location-cancel")).isVisible();
        Browser.screenshot(page, "locations-editing");
        page.locator("#city").fill(city + " Altstadt");
        page.locator("#category-list input[value='florist']").uncheck();
        page.locator("#radius").fill("1500");
        page.locator("#location-save").click();
        assertThat(page.locator(".app-toast.success").last())
                .hasText("Änderungen an „" + city + " Altstadt“ gespeichert.");
        Locator edited = row(city + " Altstadt");
        assertThat(edited.locator(".category-chip")).hasText(new String[] {"Bäckerei", "book_store"});
        assertThat(edited.locator("td").nth(2)).hasText("1500 m um 49.8917, 10.8918");
        assertThat(page.locator("#location-form-title")).hasText("Ort hinzufügen");

        // deactivate, activate again
        edited.locator(".toggle-button").click();
        assertThat(page.locator(".app-toast.success").last())
                .hasText("„" + city + " Altstadt“ ist inaktiv und wird nicht mehr durchsucht.");
        assertThat(edited.locator("td.status")).hasText("Inaktiv");
        assertThat(edited.locator(".toggle-button")).hasText("Aktivieren");
        Browser.screenshot(page, "locations-deactivated");
        JsonNode stored = new Api(port)
                .get("/api/locations")
                .json()
                .valueStream()
                .filter(l -> l.path("city").asString().equals(city + " Altstadt"))
                .findFirst()
                .orElseThrow();
        assertThat(stored.path("active").asBoolean()).isFalse();
        assertThat(stored.path("radiusMeters").asInt()).isEqualTo(1500);

        // delete after confirming
        page.onceDialog(dialog -> {
            assertThat(dialog.message()).isEqualTo("Ort „" + city + " Altstadt“ wirklich löschen?");
            dialog.accept();
        });
        edited.locator(".delete-button").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Ort „" + city + " Altstadt“ gelöscht.");
        assertThat(edited).hasCount(0);
    }

    @Test
    void changeTheScheduleAndRunNow() {
        new Api(port)
                .putJson(
                        "/api/settings/schedule",
                        "{\"enabled\": false, \"time\": \"06:00\", \"zone\": \"Europe/Berlin\"}");
        page.navigate(base() + "/locations");
        assertThat(page.locator("#schedule-time")).hasValue("06:00");
        assertThat(page.locator("#schedule-zone")).hasValue("Europe/Berlin");
        assertThat(page.locator("#schedule-enabled")).not().isChecked();
        assertThat(page.locator("#schedule-next")).hasText("keine (ausgeschaltet)");

        page.locator("#schedule-time").fill("07:30");
        page.locator("#schedule-enabled").check(); // saves at once
        assertThat(page.locator(".app-toast.success").last()).containsText("Zeitplan gespeichert. Nächste Ausführung:");
        assertThat(page.locator("#schedule-next")).containsText("07:30");
        assertThat(page.locator("#schedule-next")).containsText("(Europe/Berlin)");

        // a bad zone: German problem detail next to the form
        page.locator("#schedule-zone").fill("Berlin");
        page.locator("#schedule-save").click();
        assertThat(page.locator("#schedule-error"))
                .hasText("„Berlin“ ist keine bekannte Zeitzone: bitte eine IANA-Zeitzone wie Europe/Berlin angeben.");
        page.locator("#schedule-zone").fill("Europe/Vienna");
        page.locator("#schedule-save").click();
        assertThat(page.locator("#schedule-error")).isHidden();
        assertThat(page.locator("#schedule-next")).containsText("(Europe/Vienna)");
        JsonNode schedule = new Api(port).get("/api/settings/schedule").json();
        assertThat(schedule.path("enabled").asBoolean()).isTrue();
        assertThat(schedule.path("time").asString()).isEqualTo("07:30");
        assertThat(schedule.path("zone").asString()).isEqualTo("Europe/Vienna");

        // no active location: the routine starts no run and the page says why
        jdbc.sql("update target_locations set active = false where active").update();
        int before = routine.count();
        page.locator("#run-now").click();
        assertThat(page.locator(".app-toast.success").last())
                .hasText("Die tägliche Routine wurde gestartet. Sie läuft im Hintergrund.");
        assertThat(page.locator("#run-now")).isEnabled();
        Browser.screenshot(page, "locations-schedule");
        Instant end = Instant.now().plus(Duration.ofSeconds(40));
        while (routine.count() == before && Instant.now().isBefore(end)) {
            Api.sleep(200);
        }
        assertThat(routine.count()).as("the routine ran through JobRunr").isEqualTo(before + 1);
        Instant shown = Instant.now().plus(Duration.ofSeconds(20));
        while (!new Api(port).get("/api/settings/schedule").body().contains("NOT_STARTED")
                && Instant.now().isBefore(shown)) {
            Api.sleep(200);
        }
        page.reload();
        assertThat(page.locator("#schedule-last")).containsText("Letzter Lauf der Routine (");
        assertThat(page.locator("#schedule-last"))
                .containsText("nicht gestartet. Es gibt keinen Zielort mit Kategorien zum Suchen.");
        Browser.screenshot(page, "locations-last-routine");

        page.locator("#schedule-enabled").uncheck();
        assertThat(page.locator(".app-toast.success").last())
                .hasText("Zeitplan gespeichert: Die tägliche Routine ist ausgeschaltet.");
        assertThat(page.locator("#schedule-next")).hasText("keine (ausgeschaltet)");
    }

    @Test
    void englishPage() {
        page.navigate(base() + "/locations?lang=en");
        assertThat(page.locator("h2.page-title")).hasText("Locations and schedule");
        assertThat(page.locator("#run-now")).hasText("Run now");
        assertThat(page.locator("#category-list input[value='bakery'] + .category-label"))
                .hasText("Bakery");
        // the language links keep the user on this page
        page.locator("a[lang='de']").click();
        assertThat(page).hasURL(base() + "/locations?lang=de");
        assertThat(page.locator("#run-now")).hasText("Jetzt ausführen");
        Browser.screenshot(page, "locations-page");
    }
}
