package app.leadgen.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.leadgen.testing.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The run's progress as the server describes it ({@code stages}, {@code progress}, {@code costs},
 * {@code summary} of {@code GET /api/runs/{id}} and the SSE {@code run} events): the page draws
 * exactly that and works nothing out itself. The run's answers are played by the browser's network
 * layer, so the page's first list, its event stream and its polling fallback each get one state.
 * The runs carry no {@code counts}: a page that still computed stages itself would fail on them.
 */
class RunProgressBrowserTest extends BrowserTest {

    private static final long ID = 987_001;

    @LocalServerPort
    int port;

    @Test
    void stagesBarCostsAndTheEndToastComeFromTheServer() {
        String crawl = stage("CRAWL", "Hashtag-Suche", "2 Hashtags (Server)", "done");
        String searchLater = stage("WEBSEARCH", "Websuche", "", "pending");
        String first = run("RUNNING", 20, "Kosten A", null, crawl, profiles("3 von 9", "active"), searchLater);
        String pushed = run("RUNNING", 64, "Kosten B", null, crawl, profiles("6 von 9", "active"), searchLater);
        String polled = run(
                "COMPLETED",
                100,
                "Kosten C",
                "12 Leads gefunden",
                crawl,
                profiles("9 von 9", "done"),
                stage("WEBSEARCH", "Websuche", "fertig", "done"));
        serve(first, "event: run\ndata: " + pushed + "\n\n", polled);

        page.navigate("http://127.0.0.1:" + port + "/");
        page.locator("#session-skip").click();

        // the end state, reached through the event stream and then the polling fallback
        Locator stages = page.locator("#run-stages li");
        assertThat(page.locator("#run-status")).hasText("Abgeschlossen");
        assertThat(page.locator(".app-toast.success")).hasText("12 Leads gefunden");
        assertThat(stages).hasCount(3);
        assertThat(stages.locator(".stage-name")).hasText(new String[] {"Hashtag-Suche:", "Profile:", "Websuche:"});
        assertThat(stages.locator(".stage-count")).hasText(new String[] {"2 Hashtags (Server)", "9 von 9", "fertig"});
        assertThat(page.locator("#run-stages li.done")).hasCount(3);
        assertThat(page.locator("#run-bar")).hasAttribute("style", Pattern.compile("width: 100%"));
        assertThat(page.locator("#run-costs")).hasText("Kosten C");
        assertThat(page.locator("#stop-button")).isHidden();
    }

    @Test
    void aLaterStateFromTheEventStreamReplacesTheFirstOne() {
        String first = run(
                "RUNNING",
                42,
                "Externe Aufrufe: 7",
                null,
                stage("PLACES", "Places-Suche", "1 von 4 Suchen", "active"),
                stage("QUALIFY", "Bewertung", "", "pending"));
        String pushed = run(
                "RUNNING",
                60,
                "Externe Aufrufe: 9",
                null,
                stage("PLACES", "Places-Suche", "2 von 4 Suchen", "active"),
                stage("QUALIFY", "Bewertung", "", "pending"));
        // polling fails: what the page shows after its first look can only have come from the stream
        serve(first, "event: run\ndata: " + pushed + "\n\n", null);

        page.navigate("http://127.0.0.1:" + port + "/");
        page.locator("#session-skip").click();

        assertThat(page.locator("#run-status")).hasText("Läuft");
        assertThat(page.locator("#run-stages li")).hasCount(2);
        assertThat(page.locator("#run-stages li[data-stage=PLACES].active .stage-count"))
                .hasText("2 von 4 Suchen");
        assertThat(page.locator("#run-stages li[data-stage=QUALIFY]")).not().containsClass("active");
        assertThat(page.locator("#run-stages li[data-stage=QUALIFY] .stage-count"))
                .hasText("");
        assertThat(page.locator("#run-bar")).hasAttribute("style", Pattern.compile("width: 60%"));
        assertThat(page.locator("#run-bar-track")).hasAttribute("aria-valuenow", "60");
        assertThat(page.locator("#run-costs")).hasText("Externe Aufrufe: 9");
        assertThat(page.locator("#stop-button")).isVisible();
    }

    /** The page's list of runs (the run first), its event stream, and what polling the run answers (null: 503). */
    private void serve(String first, String eventStream, String polled) {
        page.route("**/api/runs", route -> json(route, "[" + first + "]"));
        page.route(
                "**/api/runs/" + ID + "/events",
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/event-stream")
                        .setBody(eventStream)));
        page.route("**/api/runs/" + ID, route -> {
            if (polled == null) {
                route.fulfill(new Route.FulfillOptions().setStatus(503));
            } else {
                json(route, polled);
            }
        });
    }

    private static void json(Route route, String body) {
        route.fulfill(new Route.FulfillOptions()
                .setStatus(200)
                .setContentType("application/json")
                .setBody(body));
    }

    /** A run as the server will send it: no counts, but its own description. */
    private static String run(String status, int progress, String costs, String summary, String... stages) {
        return """
                {"id": %d, "source": "instagram", "keyword": "server", "status": "%s", "stage": "PROFILES",
                 "stopRequested": false, "stages": [%s], "progress": %d, "costs": "%s", "summary": %s}"""
                .formatted(
                        ID,
                        status,
                        String.join(",", stages),
                        progress,
                        costs,
                        summary == null ? "null" : "\"" + summary + "\"")
                .replace("\n", " ");
    }

    private static String profiles(String detail, String state) {
        return stage("PROFILES", "Profile", detail, state);
    }

    private static String stage(String name, String label, String detail, String state) {
        return """
                {"name": "%s", "label": "%s", "detail": "%s", "state": "%s"}"""
                .formatted(name, label, detail, state);
    }
}
