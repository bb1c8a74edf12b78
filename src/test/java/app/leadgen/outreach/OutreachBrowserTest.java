package app.leadgen.outreach;

import static app.leadgen.testing.Fakes.GOOGLE;
import static app.leadgen.testing.Fakes.OPENAI;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Browser;
import app.leadgen.testing.BrowserTest;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.OpenAiBodies;
import app.leadgen.testing.TestLeads;
import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafting and sending in a real Chromium, from the contact panel each row of the leads table links to,
 * and the prompt settings panel.
 */
class OutreachBrowserTest extends BrowserTest {

    @Override
    protected int assertionTimeoutMillis() {
        return 15000;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEND = "/gmail/v1/users/me/messages/send";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    private String anna;
    private String ben;
    private String annaEmail;

    @BeforeEach
    void openPage() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        anna = "ob_anna" + suffix;
        ben = "ob_ben" + suffix;
        TestLeads leads = new TestLeads(jdbc, store);
        long run = leads.run("pilates");
        // addresses of their own per test: the lead book knows a person by the address
        annaEmail = anna + "@pilates-schoen.de";
        leads.lead(run, "pilatesberlin", anna, "Anna Schön", "Pilates am Kanal", annaEmail);
        leads.lead(run, "pilatesberlin", ben, "Ben Kraft", "Reformer", ben + "@kraft.de");
    }

    @Test
    void draftFillsTheFieldsAndSendTurnsTheRowToSent() {
        OPENAI.stubFor(
                post(urlPathEqualTo("/v1/chat/completions"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                OpenAiBodies.completion(
                                                        "{\"subject\": \"Pilates am Kanal – eine Idee\", \"body\": \"Hallo Frau Schön,\\n\\nIhr Studio …\"}"))));
        GOOGLE.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"m1\", \"threadId\": \"t1\", \"labelIds\": [\"SENT\"]}")));
        openLatestRun();

        Locator editor = editorOf(anna);
        assertThat(editor.locator(".email-to")).hasText("An: " + annaEmail);
        editor.locator(".draft-button").click();
        assertThat(editor.locator(".email-subject")).hasValue("Pilates am Kanal – eine Idee");
        assertThat(editor.locator(".email-body")).hasValue("Hallo Frau Schön,\n\nIhr Studio …");
        assertThat(page.locator(".app-toast.success").last()).containsText("Entwurf für @" + anna);

        editor.locator(".email-body").fill("Hallo Frau Schön,\n\nkurz und persönlich.");
        editor.locator(".send-button").click();
        assertThat(editor.locator(".sent-badge")).isVisible();
        assertThat(editor.locator(".sent-badge"))
                .hasText(Pattern.compile("^Gesendet \\d{1,2}\\.\\d{1,2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2}$"));
        assertThat(editor.locator(".send-button")).isHidden();
        String raw = JSON.readTree(GOOGLE.findAll(postRequestedFor(urlPathEqualTo(SEND)))
                        .get(0)
                        .getBodyAsString())
                .path("raw")
                .asString();
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(raw), java.nio.charset.StandardCharsets.UTF_8))
                .contains("kurz und pers"); // what the user edited is what went out
        Browser.screenshot(page, "outreach-sent");

        // the state is stored: after a reload the contact still says sent, the other one can still be sent
        page.reload();
        assertThat(editorOf(anna).locator(".sent-badge")).isVisible();
        assertThat(editorOf(anna).locator(".email-subject")).hasValue("Pilates am Kanal – eine Idee");
        openLatestRun();
        assertThat(editorOf(ben).locator(".send-button")).isVisible();
    }

    @Test
    void aFailingSendShowsAToastAndKeepsTheDraft() {
        GOOGLE.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fakes.googleError(
                                403, "userRateLimitExceeded", "User Rate Limit Exceeded", "PERMISSION_DENIED"))));
        openLatestRun();

        Locator editor = editorOf(ben);
        editor.locator(".email-subject").fill("Kurze Frage");
        editor.locator(".email-body").fill("Hallo Herr Kraft, …");
        editor.locator(".send-button").click();

        assertThat(page.locator(".app-toast.error").last()).containsText("Gmail-Sendelimit erreicht");
        assertThat(editor.locator(".send-button")).isVisible();
        assertThat(editor.locator(".send-button")).isEnabled();
        assertThat(editor.locator(".sent-badge")).isHidden();
        assertThat(editor.locator(".email-subject")).hasValue("Kurze Frage");
        assertThat(editor.locator(".email-body")).hasValue("Hallo Herr Kraft, …");
        Browser.screenshot(page, "outreach-send-failed");
    }

    @Test
    void theSettingsPanelEditsPromptsAndModel() {
        OPENAI.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiBodies.completion("{\"subject\": \"S\", \"body\": \"B\"}"))));
        openLatestRun();

        page.locator("#settings-panel summary").click();
        assertThat(page.locator("#prompt-user")).hasValue(Pattern.compile("\\{username\\}"));
        page.locator("#prompt-user").fill("Bitte {nichtda} schreiben");
        page.locator("#settings-save").click();
        assertThat(page.locator("#settings-error")).containsText("Unbekannter Platzhalter: {nichtda}");

        page.locator("#prompt-user").fill("Schreib @{username} wegen #{hashtag}. JSON bitte.");
        page.locator("#ai-model").fill("gpt-4o-mini");
        assertThat(page.locator("#mail-tracking")).not().isChecked();
        page.locator("#mail-tracking").check();
        page.locator("#settings-save").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Einstellungen gespeichert.");
        app.leadgen.testing.Api api = new app.leadgen.testing.Api(port);
        try {
            assertThat(api.get("/api/settings/tracking").json().path("enabled").asBoolean())
                    .isTrue();
        } finally {
            // tracking is off by default for every other test
            api.putJson("/api/settings/tracking", "{\"enabled\": false}");
        }
        Browser.screenshot(page, "outreach-settings");

        editorOf(anna).locator(".draft-button").click();
        assertThat(editorOf(anna).locator(".email-subject")).hasValue("S");
        var request =
                JSON.readTree(OPENAI.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(request.path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(request.path("messages").get(1).path("content").asString())
                .isEqualTo("Schreib @" + anna + " wegen #pilatesberlin. JSON bitte.");
    }

    private void openLatestRun() {
        page.navigate("http://127.0.0.1:" + port + "/");
        if (page.locator("#session-modal.open").isVisible()) {
            page.locator("#session-skip").click();
        }
        page.locator("#only-latest-run").check();
        assertThat(page.locator("#leads-body tr.lead")).hasCount(2);
    }

    /**
     * The e-mail editor of a lead: the leads table links each row to its contact, whose panel holds
     * it (it was a row under the lead before the lead book); opens it when the page is not there yet.
     */
    private Locator editorOf(String username) {
        Locator panel = page.locator("#contact-panel");
        boolean open = page.url().contains("/contacts")
                && panel.isVisible()
                && page.locator("#contact-fields tr[data-field='instagram'] td.value")
                        .textContent()
                        .contains(username);
        if (!open) {
            if (!page.url().endsWith("/")) {
                openLatestRun();
            }
            page.locator("#leads-body tr.lead[data-username='" + username + "'] .contact-link")
                    .click();
            assertThat(page.locator("#contact-fields tr[data-field='instagram'] td.value"))
                    .hasText(username);
        }
        return page.locator("#contact-editor");
    }
}
