package app.leadgen.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Browser;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The pages „Kampagnen" and a campaign in Chromium: create a template campaign with the form, prepare
 * it, approve its draft, start it, and see the mail arrive at a real SMTP server and the numbers move.
 */
class CampaignsBrowserTest extends CampaignBrowserBase {

    @Test
    void createPrepareApproveStartAndWatchTheMailGoOut() throws Exception {
        CampaignTestBase.CLOCK.set(CampaignTestBase.WEDNESDAY_10);
        String u = Long.toString(System.nanoTime(), 36);
        String city = "Brühl-" + u;
        Timestamp now = Timestamp.from(Instant.now());
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into companies (name, city, category, sources, created_at, updated_at)"
                        + " values ('Konditorei Süß', :city, 'bakery', 'places', :now, :now)")
                .param("city", city)
                .param("now", now)
                .update(key, "id");
        jdbc.sql("insert into contacts (company_id, full_name, email, email_check, status, sources, created_at,"
                        + " updated_at) values (:co, 'Konditorei Süß', :e, 'ok', 'qualified', 'places', :now, :now)")
                .param("co", key.getKey().longValue())
                .param("e", "info@konditorei-" + u + ".de")
                .param("now", now)
                .update();
        Api api = new Api(port);
        long mailbox = api.postJson(
                        "/api/mailboxes",
                        "{\"name\": \"Brevo Test " + u + "\", \"host\": \"127.0.0.1\", \"port\": "
                                + SMTP.getSmtp().getPort() + ", \"security\": \"none\", \"fromEmail\":"
                                + " \"agentur@kampagne-test.de\", \"intervalSeconds\": 0}")
                .json()
                .path("id")
                .asLong();

        page.navigate("http://127.0.0.1:" + port + "/campaigns");
        assertThat(page).hasTitle("Kampagnen – LeadGen");
        page.locator("#campaign-name").fill("Konditoreien " + u);
        page.locator("#campaign-mailbox").selectOption(String.valueOf(mailbox));
        page.locator("#campaign-city").fill(city);
        page.locator("#campaign-subject").fill("Eine Idee für {companyName}");
        page.locator("#campaign-body").fill("<p>Hallo {fullName},</p><p>wie wäre es mit einem Online-Shop?</p>");
        page.locator("#campaign-approval").check();
        page.locator("#campaign-save").click();

        page.waitForURL(java.util.regex.Pattern.compile(".*/campaigns/\\d+$"));
        assertThat(page.locator("#campaign-name")).hasText("Konditoreien " + u);
        assertThat(page.locator("#campaign-status")).hasText("Entwurf");
        page.locator("#campaign-actions button[data-action=prepare]").click();
        assertThat(page.locator("#campaign-status"))
                .hasText(
                        "Bereit",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("#messages-body tr.message")).hasCount(1);
        assertThat(page.locator("#messages-body tr.message td.subject")).hasText("Eine Idee für Konditorei Süß");
        assertThat(page.locator("#messages-body tr.message td.status")).hasText("Entwurf");
        page.locator(".message-approve").click();
        assertThat(page.locator("#messages-body tr.message td.status")).hasText("Freigegeben");

        page.locator("#campaign-actions button[data-action=start]").click();
        assertThat(page.locator("#campaign-status")).hasText("Sendet");
        assertThat(page.locator("#campaign-next")).not().hasText("–");
        org.assertj.core.api.Assertions.assertThat(loop.tick()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(SMTP.waitForIncomingEmail(10_000, 1))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(SMTP.getReceivedMessages()[0].getSubject())
                .isEqualTo("Eine Idee für Konditorei Süß");
        assertThat(page.locator("#campaign-status")).hasText("Abgeschlossen");
        assertThat(page.locator("#campaign-counts .count-sent")).hasText("1");
        assertThat(page.locator("#messages-body tr.message td.status")).hasText("Gesendet");
        Browser.screenshot(page, "campaign");

        page.navigate("http://127.0.0.1:" + port + "/campaigns");
        var row = page.locator("#campaigns-body tr.campaign")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Konditoreien " + u));
        assertThat(row.locator("td.sent")).hasText("1");
        assertThat(row.locator("td.status")).hasText("Abgeschlossen");
        Browser.screenshot(page, "campaigns");
    }
}
