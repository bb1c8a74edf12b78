package app.leadgen.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.leadgen.testing.Browser;
import com.microsoft.playwright.Locator;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The page „Postfächer" in Chromium, reached through the header's „Outreach" menu: add an SMTP
 * mailbox, test its connection against a real SMTP server (GreenMail), break its port and read the
 * German error, and see that a stored password is never shown back.
 */
class MailboxesBrowserTest extends CampaignBrowserBase {

    private Locator row(String name) {
        return page.locator("#mailboxes-body tr")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("td.name")
                                .getByText(name, new Locator.GetByTextOptions().setExact(true))));
    }

    @Test
    void addTestBreakAndDeleteAMailbox() throws Exception {
        String name = "Brevo Browser " + Long.toString(System.nanoTime(), 36);
        page.navigate(base() + "/campaigns");
        page.locator("#nav-outreach-toggle").click();
        assertThat(page.locator("#nav-mailboxes")).isVisible();
        page.locator("#nav-mailboxes").click();
        page.waitForURL(base() + "/mailboxes");
        assertThat(page).hasTitle("Postfächer – LeadGen");
        assertThat(page.locator("#nav-outreach-toggle")).hasClass(java.util.regex.Pattern.compile("fw-bold"));

        // a mistake comes back in German from the server's problem detail
        page.locator("#mailbox-name").fill(name);
        page.locator("#mailbox-host").fill("127.0.0.1");
        page.locator("#mailbox-port").fill(String.valueOf(SMTP.getSmtp().getPort()));
        page.locator("#mailbox-security").selectOption("none");
        page.locator("#mailbox-from").fill("kein-absender");
        page.locator("#mailbox-save").click();
        assertThat(page.locator("#mailbox-error")).hasText("„kein-absender“ ist keine gültige E-Mail-Adresse.");

        page.locator("#mailbox-from").fill("agentur@postfach-test.de");
        page.locator("#mailbox-from-name").fill("Agentur Köln");
        page.locator("#mailbox-password").fill("geheim");
        page.locator("#mailbox-interval").fill("0");
        page.locator("#mailbox-save").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Postfach „" + name + "“ gespeichert.");
        assertThat(row(name).locator("td.from")).hasText("Agentur Köln <agentur@postfach-test.de>");
        assertThat(row(name).locator("td.server")).containsText("Passwort gesetzt");
        assertThat(row(name).locator("td.interval")).hasText("0 s");
        assertThat(row(name).locator("td.last-send")).hasText("noch nie");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("geheim");

        row(name).locator(".mailbox-test").click();
        assertThat(row(name).locator(".mailbox-test-result"))
                .hasText("Verbindung erfolgreich: Der Server hat die Anmeldung angenommen.");
        Browser.screenshot(page, "mailboxes");

        // the password stays stored and unseen; a port nobody listens on is a German error
        row(name).locator(".mailbox-edit").click();
        assertThat(page.locator("#mailbox-name")).hasValue(name);
        assertThat(page.locator("#mailbox-password")).hasValue("");
        assertThat(page.locator("#mailbox-password-hint")).isVisible();
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        page.locator("#mailbox-port").fill(String.valueOf(closed));
        page.locator("#mailbox-save").click();
        assertThat(row(name).locator("td.server")).containsText("127.0.0.1:" + closed);
        assertThat(row(name).locator("td.server")).containsText("Passwort gesetzt");
        row(name).locator(".mailbox-test").click();
        assertThat(row(name).locator(".mailbox-test-result"))
                .containsText("Verbindung fehlgeschlagen: Der Server ist unter dieser Adresse und diesem Port nicht"
                        + " erreichbar.");
        Browser.screenshot(page, "mailboxes-failed");

        page.onceDialog(dialog -> dialog.accept());
        row(name).locator(".mailbox-delete").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Postfach „" + name + "“ gelöscht.");
        assertThat(row(name)).hasCount(0);
    }

    /** The header at a laptop's width and a narrow one: no entry breaks inside itself, the menu opens. */
    @Test
    void theHeaderFitsWithItsOutreachMenu() {
        for (int width : new int[] {1400, 1000}) {
            page.setViewportSize(width, 700);
            page.navigate(base() + "/products");
            page.locator("#nav-outreach-toggle").click();
            assertThat(page.locator("#nav-suppressions")).isVisible();
            for (Locator entry :
                    page.locator(".site-nav > a, .site-nav > details > summary").all()) {
                double height = entry.boundingBox().height;
                org.assertj.core.api.Assertions.assertThat(height)
                        .as("one line: " + entry.textContent())
                        .isLessThan(40);
            }
            page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                    .setPath(Browser.SCREENSHOTS.resolve("header-" + width + ".png")));
            page.keyboard().press("Escape");
            assertThat(page.locator("#nav-suppressions")).isHidden();
        }
        page.locator("#nav-outreach-toggle").click();
        page.locator("#nav-suppressions").click();
        page.waitForURL(base() + "/suppressions");
    }
}
