package app.leadgen.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Browser;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/**
 * The wizard on a stored campaign: every field filled from it (an AI step shows the default prompt),
 * a change (the notice under Art. 14 GDPR ticked) saved with PUT; a campaign that is no longer a draft is shown but cannot be saved.
 */
class CampaignWizardEditBrowserTest extends CampaignBrowserBase {

    @Test
    void aDraftIsEditedAndAStoppedOneIsLocked() {
        String u = Long.toString(System.nanoTime(), 36);
        Api api = new Api(port);
        long mailbox = api.postJson(
                        "/api/mailboxes",
                        "{\"name\": \"Edit " + u
                                + "\", \"host\": \"127.0.0.1\", \"port\": 2525, \"security\": \"none\","
                                + " \"fromEmail\": \"a@edit-test.de\"}")
                .json()
                .path("id")
                .asLong();
        Api.Reply created = api.postJson(
                "/api/campaigns",
                "{\"name\": \"Friseure " + u + "\", \"audience\": {\"filter\": {\"city\": \"Köln-" + u + "\","
                        + " \"minScore\": 40, \"emailCheck\": \"ok\"}}, \"mailboxId\": " + mailbox + ", \"steps\":"
                        + " [{\"mode\": \"template\", \"subject\": \"Hallo {companyName}\", \"body\": \"<p>Hallo</p>\"},"
                        + " {\"delayDays\": 4, \"mode\": \"ai\"}], \"requireApproval\": true, \"trackClicks\": false,"
                        + " \"window\": {\"from\": \"08:30\", \"to\": \"12:00\", \"zone\": \"Europe/Vienna\", \"days\":"
                        + " [\"MONDAY\", \"SATURDAY\"]}}");
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body())
                .isEqualTo(201);
        long id = created.json().path("id").asLong();

        page.navigate(base() + "/campaigns/" + id);
        page.locator("#campaign-edit").click();
        page.waitForURL(base() + "/campaigns/" + id + "/edit");
        assertThat(page.locator("#wizard-title")).hasText("Kampagne bearbeiten");
        assertThat(page.locator("#wizard-name")).hasValue("Friseure " + u);
        assertThat(page.locator("#filter-city")).hasValue("Köln-" + u);
        assertThat(page.locator("#filter-min-score")).hasValue("40");
        assertThat(page.locator("#filter-email-check")).hasValue("ok");
        assertThat(page.locator("#audience-count")).hasText("0 Kontakte mit E-Mail-Adresse passen.");
        page.locator(".wizard-tab[data-pane='2']").click();
        Locator steps = page.locator("#wizard-steps-list .wizard-step");
        assertThat(steps).hasCount(2);
        assertThat(steps.nth(0).locator(".step-subject")).hasValue("Hallo {companyName}");
        assertThat(steps.nth(1).locator(".step-mode")).hasValue("ai");
        assertThat(steps.nth(1).locator(".step-delay")).hasValue("4");
        assertThat(steps.nth(1).locator(".step-prompt")).not().hasValue("");
        page.locator(".wizard-tab[data-pane='3']").click();
        assertThat(page.locator("#wizard-clicks")).not().isChecked();
        assertThat(page.locator("#wizard-approval")).isChecked();
        assertThat(page.locator("#window-from")).hasValue("08:30");
        assertThat(page.locator("#window-zone")).hasValue("Europe/Vienna");
        assertThat(page.locator(".window-day[value=SATURDAY]")).isChecked();
        assertThat(page.locator(".window-day[value=TUESDAY]")).not().isChecked();
        Browser.screenshot(page, "wizard-edit");

        page.locator(".wizard-tab[data-pane='0']").click();
        page.locator("#wizard-name").fill("Friseure Wien " + u);
        page.locator(".wizard-tab[data-pane='3']").click();
        assertThat(page.locator("#wizard-source-notice")).not().isChecked();
        assertThat(page.locator("#wizard-summary")).containsText("Ohne Hinweis nach Art. 14 DSGVO.");
        page.locator("#wizard-source-notice").check();
        // the summary is written when the pane opens: going there again shows the new choice
        page.locator(".wizard-tab[data-pane='3']").click();
        assertThat(page.locator("#wizard-summary")).containsText("Mit Hinweis nach Art. 14 DSGVO");
        Browser.screenshot(page, "wizard-source-notice");
        page.locator("#wizard-save").click();
        page.waitForURL(base() + "/campaigns/" + id);
        assertThat(page.locator("#campaign-name")).hasText("Friseure Wien " + u);
        var stored = api.get("/api/campaigns/" + id).json();
        // the untouched default prompt stays "none": each contact gets the default of its kind
        org.assertj.core.api.Assertions.assertThat(
                        stored.path("steps").get(1).path("prompt").isNull())
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(
                        stored.path("window").path("days").toString())
                .isEqualTo("[\"MONDAY\",\"SATURDAY\"]");
        org.assertj.core.api.Assertions.assertThat(stored.path("sourceNotice").asBoolean())
                .isTrue();
        page.navigate(base() + "/campaigns/" + id + "/edit");
        page.locator(".wizard-tab[data-pane='3']").click();
        assertThat(page.locator("#wizard-source-notice")).isChecked();

        api.postJson("/api/campaigns/" + id + "/stop", "{}");
        page.navigate(base() + "/campaigns/" + id);
        assertThat(page.locator("#campaign-status")).hasText("Gestoppt");
        assertThat(page.locator("#campaign-edit")).isHidden();
        page.navigate(base() + "/campaigns/" + id + "/edit");
        assertThat(page.locator("#wizard-locked")).isVisible();
        page.locator(".wizard-tab[data-pane='3']").click();
        assertThat(page.locator("#wizard-save")).isDisabled();
    }
}
