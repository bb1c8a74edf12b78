package app.leadgen.web;

import static app.leadgen.testing.Fakes.INSTAGRAM;
import static app.leadgen.testing.Fakes.PERPLEXITY;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Browser;
import app.leadgen.testing.BrowserTest;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.SearchItems;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The main page in a real Chromium against the whole app and the fakes: session modal, a run from
 * keyword to rows, sorting, duplicate marking, scraped HTML shown as text, errors and languages.
 */
class HomePageBrowserTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A run waits for a JobRunr poll (5 s) and then for the fakes; generous, as the CI machine is small. */
    private static final LocatorAssertions.HasTextOptions RUN_TIMEOUT =
            new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    private static final String XSS_BIO = "<script>window.__pwned=1</script><b>bold</b>";
    private static final String ORANGE = "rgb(255, 183, 77)";
    /** No space to wrap at: without clamping its cell would make the row hundreds of pixels tall. */
    private static final String LONG_BIO = "Vinyasa_" + "flow".repeat(150);

    @LocalServerPort
    int port;

    @Test
    void sessionThenKeywordRunShowsSortableLeadsWithDuplicatesAndBiosAsText() {
        // two hashtags; pw_alpha posts under both, so it has two rows
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("pwyoga", 2100, new String[] {"pw_alpha"}, "pw_alpha", "pw_beta", "pw_xss")
                .hashtag("pwyogalife", 900, new String[] {}, "pw_alpha", "pw_gamma")
                .json());
        INSTAGRAM.profile(
                "pw_alpha", "Alpha Yoga", "Yoga für alle", "hi@alpha.de", "+4930111", "https://alpha.de", 5400);
        INSTAGRAM.profile("pw_beta", "Beta Studio", LONG_BIO, "beta@studio.de", "+4930222", "https://beta.de", 800);
        INSTAGRAM.profile(
                "pw_gamma", "Gamma Flow", "Retreats", "gamma@flow.de", "+4930333", "https://gamma.de", 120_000);
        INSTAGRAM.profile("pw_xss", "X <i>S</i> S", XSS_BIO, "", "", "", 42);
        PERPLEXITY.answer("pw_xss", "{\"email\": \"xss@example.org\", \"phone\": \"…\", \"website\": \"…\"}");

        page.navigate(base() + "/");

        // German by default
        assertThat(page).hasTitle("LeadGen");
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.locator("#keyword")).hasAttribute("placeholder", "Keyword eingeben…");
        assertThat(page.locator("button.sort[data-sort='phone']")).hasText("Telefon");
        assertThat(page.locator("button.sort[data-sort='foundAt']")).hasText("Gefunden am");

        // no IG_SESSIONID in the test profile: the modal asks for one
        Locator modal = page.locator("#session-modal");
        assertThat(modal).containsClass("open");
        assertThat(modal).isVisible();
        assertThat(page.locator("#session-modal-title")).hasText("Instagram-Session");
        assertThat(page.locator("#session-input")).isFocused();
        Browser.screenshot(page, "home-modal");

        page.locator("#session-save").click();
        assertThat(page.locator("#session-error")).hasText("Bitte eine Session-ID eingeben.");
        assertThat(modal).isVisible();

        page.locator("#session-input").fill("pw-session-4711");
        page.locator("#session-save").click();
        assertThat(modal).not().containsClass("open");
        assertThat(modal).isHidden();
        assertThat(page.locator(".app-toast.success").filter(new Locator.FilterOptions().setHasText("Session-ID")))
                .hasText("Session-ID gespeichert.");

        // keyword → run → progress → rows
        page.locator("#keyword").fill("pwyoga");
        assertThat(page.locator("#run-button")).hasText("Run");
        page.locator("#run-button").click();
        assertThat(page.locator(".app-toast").filter(new Locator.FilterOptions().setHasText("gestartet")))
                .isVisible();
        assertThat(page.locator("#run-progress")).isVisible();
        assertThat(page.locator("#run-title")).containsText("pwyoga");
        assertThat(page.locator("#run-status")).hasText("Abgeschlossen", RUN_TIMEOUT);
        assertThat(page.locator("#stop-button")).isHidden();
        assertThat(page.locator("#leads-body tr[data-username='pw_gamma']")).hasCount(1);

        // the id from the modal reached Apify with the run
        JsonNode search = searchInput();
        assertThat(search.path("search").asString()).isEqualTo("pwyoga");
        assertThat(search.path("SessionID").asString()).isEqualTo("pw-session-4711");

        // only this run's rows, so the checks below do not depend on other tests' leads
        page.locator("#only-latest-run").check();
        Locator rows = page.locator("#leads-body tr.lead");
        assertThat(rows).hasCount(5);
        assertThat(page.locator("#leads-total")).hasText("5 Leads");
        Browser.screenshot(page, "home-results");

        // duplicates: the username in two rows is orange, the others are not
        Locator alpha = page.locator("#leads-body tr[data-username='pw_alpha']");
        assertThat(alpha).hasCount(2);
        for (int i = 0; i < 2; i++) {
            assertThat(alpha.nth(i)).containsClass("duplicate");
            assertThat(alpha.nth(i)).hasCSS("background-color", ORANGE);
        }
        for (String unique : List.of("pw_beta", "pw_gamma", "pw_xss")) {
            Locator row = page.locator("#leads-body tr[data-username='" + unique + "']");
            assertThat(row).not().containsClass("duplicate");
            assertThat(row).not().hasCSS("background-color", ORANGE);
        }

        // scraped HTML is text: shown literally, never run, never markup
        Locator xssRow = page.locator("#leads-body tr[data-username='pw_xss']");
        Locator bio = xssRow.locator("td.bio");
        assertThat(bio).isVisible();
        assertThat(bio.evaluate("td => td.textContent")).isEqualTo(XSS_BIO);
        // and readable: the column is not squeezed to a few letters per line
        assertThat(bio.boundingBox().width).isGreaterThan(150);
        assertThat(xssRow.locator("td").nth(1)).hasText("X <i>S</i> S");
        assertThat(page.locator("#leads-body b")).hasCount(0);
        assertThat(page.locator("#leads-body i")).hasCount(0);
        assertThat(page.locator("#leads-body script")).hasCount(0);
        assertThat(page.evaluate("() => typeof window.__pwned")).isEqualTo("undefined");
        // the web search filled in the missing e-mail, with its source
        assertThat(xssRow.locator("td").nth(3)).containsText("xss@example.org");
        assertThat(xssRow.locator("td").nth(3)).containsText("Quelle: perplexity");
        assertThat(xssRow.locator("td").nth(3).locator(".source")).hasAttribute("title", "perplexity:sonar");

        // a long bio shows three lines at most, the whole text in its tooltip, and opens on a click
        Locator beta = page.locator("#leads-body tr[data-username='pw_beta']");
        Locator longBio = beta.locator("td.bio .clamp");
        assertThat(longBio).hasText(LONG_BIO);
        assertThat(longBio).hasAttribute("title", LONG_BIO);
        assertThat(longBio).containsClass("clamped");
        double clampedHeight = beta.boundingBox().height;
        assertThat(clampedHeight).isLessThan(200);
        longBio.click();
        assertThat(longBio).containsClass("open");
        assertThat(beta.boundingBox().height).isGreaterThan(2 * clampedHeight);

        // sorting by followers: ascending, then descending (numbers in the browser's German format)
        Locator followers = page.locator("button.sort[data-sort='followers']");
        Locator usernames = page.locator("#leads-body tr.lead td:nth-child(1)");
        Locator followerCells = page.locator("#leads-body tr.lead td:nth-child(7)");
        followers.click();
        assertThat(followers).hasAttribute("data-dir", "asc");
        assertThat(followerCells).hasText(new String[] {"42", "800", "5.400", "5.400", "120.000"});
        assertThat(usernames).hasText(new String[] {"@pw_xss", "@pw_beta", "@pw_alpha", "@pw_alpha", "@pw_gamma"});
        followers.click();
        assertThat(followers).hasAttribute("data-dir", "desc");
        assertThat(followerCells).hasText(new String[] {"120.000", "5.400", "5.400", "800", "42"});
        assertThat(usernames).hasText(new String[] {"@pw_gamma", "@pw_alpha", "@pw_alpha", "@pw_beta", "@pw_xss"});
        assertThat(page.locator("button.sort[data-sort='foundAt']")).not().hasAttribute("data-dir", "asc");
        Browser.screenshot(page, "home-sorted");
    }

    @Test
    void emptyKeywordShowsTheGermanErrorAndStartsNothing() {
        page.navigate(base() + "/");
        assertThat(page.locator("#session-modal")).isVisible();
        page.locator("#session-skip").click();
        assertThat(page.locator("#session-modal")).isHidden();

        long latestRunBefore = latestRunId();
        page.locator("#keyword").fill("   ");
        page.locator("#run-button").click();

        assertThat(page.locator("#keyword-error")).isVisible();
        assertThat(page.locator("#keyword-error")).hasText("Bitte ein Keyword eingeben.");
        assertThat(page.locator(".app-toast.error")).hasText("Bitte ein Keyword eingeben.");
        assertThat(page.locator("#run-progress")).isHidden();
        assertThat(page.locator("#run-button")).isEnabled();
        Browser.screenshot(page, "home-keyword-error");
        assertThat(latestRunId()).as("no run was created").isEqualTo(latestRunBefore);
    }

    @Test
    void englishOnRequestAndRememberedInACookie() {
        page.navigate(base() + "/?lang=en");

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#keyword")).hasAttribute("placeholder", "Enter keyword…");
        assertThat(page.locator("#session-modal-title")).hasText("Instagram session");
        assertThat(page.locator("#session-skip")).hasText("Continue without a session");
        page.locator("#session-skip").click();
        assertThat(page.locator("button.sort[data-sort='phone']")).hasText("Phone");
        assertThat(page.locator("button.sort[data-sort='foundAt']")).hasText("Found at");
        // the script's texts are English too
        assertThat(page.locator("button.sort[data-sort='phone']")).hasAttribute("title", "Sort by: Phone");
        page.locator("#run-button").click();
        assertThat(page.locator("#keyword-error")).hasText("Please enter a keyword.");
        Browser.screenshot(page, "home-english");

        page.navigate(base() + "/");
        assertThat(page.locator("#keyword")).hasAttribute("placeholder", "Enter keyword…");
        page.navigate(base() + "/?lang=de");
        assertThat(page.locator("#keyword")).hasAttribute("placeholder", "Keyword eingeben…");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private long latestRunId() {
        return new Api(port).get("/api/runs").json().path(0).path("id").asLong(0);
    }

    private static JsonNode searchInput() {
        return Fakes.APIFY.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(Fakes.SEARCH_PATH))
                .map(e -> JSON.readTree(e.getRequest().getBodyAsString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the search actor was not called"));
    }
}
