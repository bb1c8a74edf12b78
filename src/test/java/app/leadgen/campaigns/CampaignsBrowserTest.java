package app.leadgen.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #12's walk through the pages in Chromium: a product on „Produkte", a campaign built with the
 * wizard (the live count, a preview on a real contact with an unknown placeholder refused, the PDF),
 * its draft reviewed, edited and approved, the campaign started, the mail with the edited subject
 * arriving at a real SMTP server, and its unsubscribe page in German.
 */
class CampaignsBrowserTest extends CampaignBrowserBase {

    @Test
    void productWizardReviewStartMailAndUnsubscribe() throws Exception {
        CampaignTestBase.CLOCK.set(CampaignTestBase.WEDNESDAY_10);
        SMTP.purgeEmailFromAllMailboxes();
        String u = Long.toString(System.nanoTime(), 36);
        String city = "Brühl-" + u;
        contact("Konditorei Süß", "bakery", city, "info@konditorei-" + u + ".de");
        contact("Café Mokka", "cafe", city, "hallo@mokka-" + u + ".de");
        long mailbox = new Api(port)
                .postJson(
                        "/api/mailboxes",
                        "{\"name\": \"Brevo Test " + u + "\", \"host\": \"127.0.0.1\", \"port\": "
                                + SMTP.getSmtp().getPort() + ", \"security\": \"none\", \"fromEmail\":"
                                + " \"agentur@kampagne-test.de\", \"intervalSeconds\": 0}")
                .json()
                .path("id")
                .asLong();

        // a product on „Produkte"
        page.navigate(base() + "/products");
        page.locator("#product-name").fill("Webauftritt " + u);
        page.locator("#product-price").fill("1.490,00");
        page.locator("#product-save").click();
        assertThat(page.locator(".app-toast.success").last()).containsText("Webauftritt " + u);

        // the wizard, from the list's button
        page.navigate(base() + "/campaigns");
        page.locator("#campaign-new").click();
        page.waitForURL(base() + "/campaigns/new");
        assertThat(page).hasTitle("Kampagnen-Assistent – LeadGen");
        page.locator("#wizard-next").click();
        assertThat(page.locator("#wizard-error")).hasText("Bitte der Kampagne einen Namen geben.");
        page.locator("#wizard-name").fill("Konditoreien " + u);
        page.locator("#filter-city").fill(city);
        assertThat(page.locator("#audience-count")).hasText("2 Kontakte mit E-Mail-Adresse passen.");
        page.locator("#filter-category").fill("bakery");
        assertThat(page.locator("#audience-count")).hasText("1 Kontakt mit E-Mail-Adresse passt.");
        Browser.screenshot(page, "wizard-audience");
        page.locator("#wizard-next").click();

        page.locator("#wizard-mailbox").selectOption(String.valueOf(mailbox));
        page.locator("#wizard-product").selectOption(new SelectOption().setLabel("Webauftritt " + u));
        page.locator("#wizard-next").click();

        Locator first = page.locator("#wizard-steps-list .wizard-step").first();
        assertThat(first.locator(".step-title")).hasText("Erste E-Mail");
        first.locator(".step-subject").fill("Eine Idee für {firma}");
        first.locator(".step-body").fill("<p>Hallo {fullName},</p><p>{product.name} für {product.price}?</p>");
        first.locator(".step-preview").click();
        assertThat(page.locator("#preview-error")).hasText("Keine Vorschau: Unbekannter Platzhalter: {firma}.");
        first.locator(".step-subject").fill("Eine Idee für {companyName}");
        first.locator(".step-preview").click();
        assertThat(page.locator("#preview-subject")).hasText("Eine Idee für Konditorei Süß");
        assertThat(page.locator("#preview-to")).hasText("info@konditorei-" + u + ".de");
        assertThat(page.frameLocator("#preview-frame").locator("body"))
                .containsText("Webauftritt " + u + " für 1.490,00");
        assertThat(page.locator("#preview-error")).isHidden();
        String pdfLink = page.locator("#preview-pdf").getAttribute("href");
        var pdf = context.request().get(base() + pdfLink);
        org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(pdf.headers().get("content-type"))
                .isEqualTo("application/pdf");
        // an AI step shows the default prompt to start from
        page.locator("#wizard-add-step").click();
        Locator second = page.locator("#wizard-steps-list .wizard-step").nth(1);
        assertThat(second.locator(".step-title")).hasText("Nachfass-E-Mail 1");
        second.locator(".step-mode").selectOption("ai");
        assertThat(second.locator(".step-prompt")).not().hasValue("");
        Browser.screenshot(page, "wizard-mails");
        second.locator(".step-remove").click();
        page.locator("#wizard-next").click();

        page.locator("#wizard-approval").check();
        assertThat(page.locator("#wizard-summary")).containsText("Zielgruppe: 1 Kontakte");
        Browser.screenshot(page, "wizard-sending");
        page.locator("#wizard-save").click();

        // prepared, its draft reviewed, edited and approved
        page.waitForURL(Pattern.compile(".*/campaigns/\\d+$"));
        assertThat(page.locator("#campaign-name")).hasText("Konditoreien " + u);
        assertThat(page.locator("#campaign-status")).hasText("Entwurf");
        // only what the state allows can be clicked
        assertThat(page.locator("#campaign-actions button[data-action=start]")).isDisabled();
        assertThat(page.locator("#campaign-actions button[data-action=pause]")).isDisabled();
        assertThat(page.locator("#campaign-actions button[data-action=stop]")).isEnabled();
        page.locator("#campaign-actions button[data-action=prepare]").click();
        assertThat(page.locator("#campaign-status"))
                .hasText("Bereit", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        page.locator("#campaign-review").click();
        page.waitForURL(Pattern.compile(".*/campaigns/\\d+/review$"));
        Locator item = page.locator("#review-list .review-item");
        assertThat(item).hasCount(1);
        assertThat(item.locator(".review-subject")).hasText("Eine Idee für Konditorei Süß");
        assertThat(item.frameLocator(".review-frame").locator("body")).containsText("Hallo Konditorei Süß,");
        item.locator(".review-open-edit").click();
        item.locator(".review-edit-subject").fill("Kurze Frage an die Konditorei Süß");
        item.locator(".review-edit-body").fill("<p>Hallo Konditorei Süß,</p><p>darf ich Ihnen etwas zeigen?</p>");
        item.locator(".review-save").click();
        assertThat(item.locator(".review-error")).isHidden();
        assertThat(item.locator(".review-edit")).isHidden();
        assertThat(item.locator(".review-subject")).hasText("Kurze Frage an die Konditorei Süß");
        assertThat(item.frameLocator(".review-frame").locator("body")).containsText("darf ich Ihnen etwas zeigen?");
        Browser.screenshot(page, "review");
        item.locator(".review-approve").click();
        assertThat(item.locator(".review-status")).hasText("Freigegeben");
        assertThat(page.locator("#review-total")).hasText("Entwürfe: 0 warten, 1 freigegeben.");

        // started: the mail with the edited subject arrives
        page.locator("#review-back").click();
        page.locator("#campaign-actions button[data-action=start]").click();
        assertThat(page.locator("#campaign-status")).hasText("Sendet");
        org.assertj.core.api.Assertions.assertThat(loop.tick()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(SMTP.waitForIncomingEmail(10_000, 1))
                .isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        org.assertj.core.api.Assertions.assertThat(mail.getSubject()).isEqualTo("Kurze Frage an die Konditorei Süß");
        assertThat(page.locator("#campaign-status")).hasText("Abgeschlossen");
        assertThat(page.locator("#campaign-counts .count-sent")).hasText("1");
        for (String action : new String[] {"prepare", "start", "pause", "resume", "stop", "approve-all"}) {
            assertThat(page.locator("#campaign-actions button[data-action=" + action + "]"))
                    .isDisabled();
        }
        Browser.screenshot(page, "campaign");

        // its unsubscribe page, in German, from the List-Unsubscribe header
        Matcher link = Pattern.compile("<https://leads\\.agentur\\.test(/u/[^>]+)>")
                .matcher(mail.getHeader("List-Unsubscribe", ","));
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
        page.navigate(base() + link.group(1));
        assertThat(page).hasTitle("Abmelden");
        assertThat(page.locator("#unsubscribe-ask")).containsText("Möchten Sie keine E-Mails mehr von uns an");
        Browser.screenshot(page, "unsubscribe");
        page.locator("#unsubscribe-button").click();
        assertThat(page.locator("#unsubscribe-done")).containsText("Erledigt: An ");
        assertThat(page.locator("#unsubscribe-done")).containsText("senden wir keine E-Mails mehr.");

        page.navigate(base() + "/campaigns");
        var row = page.locator("#campaigns-body tr.campaign")
                .filter(new Locator.FilterOptions().setHasText("Konditoreien " + u));
        assertThat(row.locator("td.sent")).hasText("1");
        assertThat(row.locator("td.status")).hasText("Abgeschlossen");
        Browser.screenshot(page, "campaigns");
    }

    private void contact(String name, String category, String city, String email) {
        Timestamp now = Timestamp.from(Instant.now());
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into companies (name, city, category, sources, created_at, updated_at)"
                        + " values (:name, :city, :category, 'places', :now, :now)")
                .param("name", name)
                .param("city", city)
                .param("category", category)
                .param("now", now)
                .update(key, "id");
        jdbc.sql("insert into contacts (company_id, full_name, email, email_check, status, sources, created_at,"
                        + " updated_at) values (:co, :name, :e, 'ok', 'qualified', 'places', :now, :now)")
                .param("co", key.getKey().longValue())
                .param("name", name)
                .param("e", email)
                .param("now", now)
                .update();
    }
}
