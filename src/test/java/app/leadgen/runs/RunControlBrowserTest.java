package app.leadgen.runs;

import static app.leadgen.testing.Fakes.INSTAGRAM;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Browser;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.SearchItems;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** NOTFALL STOPP in a real Chromium: the page resets at once, even when the server never answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunControlBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void launch() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        browser = Browser.launch();
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    void emergencyStopResetsThePageWithoutWaitingForTheServerAndResumeContinues() {
        String p = "ctl" + System.nanoTime() % 100_000 + "_";
        String[] owners = IntStream.range(0, 30).mapToObj(i -> p + i).toArray(String[]::new);
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("control", 30, new String[] {}, owners)
                .json());
        Fakes.profileLatency(4000);
        for (String u : owners) {
            INSTAGRAM.profile(u, u, "", u + "@x.de", "+4930666666", "https://x.de", 1);
        }
        try (BrowserContext context = browser.loggedIn(port)) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + port + "/");
            page.locator("#session-skip").click();
            page.locator("#keyword").fill("control");
            page.locator("#run-button").click();
            assertThat(page.locator(".stages li[data-stage='PROFILES'].active"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            assertThat(page.locator("#emergency-button")).isVisible();
            assertThat(page.locator("#emergency-button")).hasText("NOTFALL STOPP");
            Browser.screenshot(page, "run-emergency-before");

            // the server's answer never arrives: the page must reset by itself
            page.route("**/emergency-stop", Route::abort);
            page.locator("#emergency-button").click();
            assertThat(page.locator("#run-status")).hasText("Gestoppt");
            assertThat(page.locator("#emergency-button")).isHidden();
            assertThat(page.locator("#stop-button")).isHidden();
            assertThat(page.locator("#resume-button")).isVisible();
            assertThat(page.locator("#run-button")).isEnabled();
            assertThat(page.locator(".app-toast.error").last()).containsText("noch nicht bestätigt");
            Browser.screenshot(page, "run-emergency-unconfirmed");

            // with the server reachable again, the all-runs stop goes through and the run is STOPPED
            page.unroute("**/emergency-stop");
            page.locator("#emergency-all").click();
            assertThat(page.locator(".app-toast.success").last()).containsText("NOTFALL STOPP bestätigt");
            long runId = new Api(port).get("/api/runs").json().get(0).path("id").asLong();
            var run = new Api(port)
                    .awaitRun(runId, r -> r.path("status").asString().equals("STOPPED"), Duration.ofSeconds(10));
            assertThat(run.path("counts").path("profilesEnriched").asInt()).isLessThan(30);

            // Fortsetzen continues the run
            Fakes.profileLatency(0);
            page.locator("#resume-button").click();
            assertThat(page.locator("#run-status"))
                    .hasText("Abgeschlossen", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            Browser.screenshot(page, "run-resumed");
        }
    }

    @Test
    void hashtagsAreChosenOnThePageBeforeEnrichment() {
        String p = "pick" + System.nanoTime() % 100_000 + "_";
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("laufen", 700, new String[] {}, p + "a", p + "b")
                .hashtag("laufenmemes", 50000, new String[] {}, p + "c")
                .json());
        Fakes.profileLatency(300);
        for (String u : new String[] {"a", "b", "c"}) {
            INSTAGRAM.profile(p + u, u, "", u + "@x.de", "+4930999999", "https://x.de", 1);
        }
        try (BrowserContext context = browser.loggedIn(port)) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + port + "/");
            page.locator("#session-skip").click();
            page.locator("#keyword").fill("laufen");
            page.locator("#select-hashtags").check();
            page.locator("#run-button").click();

            assertThat(page.locator("#run-status"))
                    .hasText("Wartet auf Auswahl", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(page.locator("#selection-list li")).hasCount(2);
            assertThat(page.locator("#selection-list li").first()).containsText("#laufen");
            Browser.screenshot(page, "run-selection");
            page.locator("#selection-list input[value='laufenmemes']").uncheck();
            page.locator("#selection-continue").click();

            assertThat(page.locator("#run-status"))
                    .hasText("Abgeschlossen", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(page.locator("#selection")).isHidden();
            page.locator("#only-latest-run").check();
            assertThat(page.locator("#leads-body tr.lead")).hasCount(2);
        }
    }

    @Test
    void batchProgressIsShownWhileTheRunWorks() {
        Api api = new Api(port);
        api.putJson("/api/settings/runs", "{\"batchSize\": 2, \"batchPauseSeconds\": 2}");
        try {
            String p = "prog" + System.nanoTime() % 100_000 + "_";
            String[] owners = IntStream.range(0, 6).mapToObj(i -> p + i).toArray(String[]::new);
            Fakes.searchAnswers(SearchItems.create()
                    .hashtag("progress", 6, new String[] {}, owners)
                    .json());
            for (String u : owners) {
                INSTAGRAM.profile(u, u, "", u + "@x.de", "+4930121212", "https://x.de", 1);
            }
            try (BrowserContext context = browser.loggedIn(port)) {
                Page page = context.newPage();
                page.navigate("http://127.0.0.1:" + port + "/");
                page.locator("#session-skip").click();
                page.locator("#keyword").fill("progress");
                page.locator("#run-button").click();

                var profiles = page.locator(".stages li[data-stage='PROFILES'] .stage-count");
                assertThat(profiles)
                        .containsText("Batch 1 von 3", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
                assertThat(profiles).containsText("Batch 2 von 3");
                Browser.screenshot(page, "run-batches");
                assertThat(profiles).containsText("Batch 3 von 3");
                assertThat(page.locator("#run-status"))
                        .hasText("Abgeschlossen", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            }
        } finally {
            api.putJson("/api/settings/runs", "{\"batchSize\": 50, \"batchPauseSeconds\": 0}");
        }
    }
}
