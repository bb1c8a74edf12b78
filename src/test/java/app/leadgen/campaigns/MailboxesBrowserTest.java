package app.leadgen.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.leadgen.testing.Browser;
import com.icegreen.greenmail.user.GreenMailUser;
import com.microsoft.playwright.Locator;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The page „Postfächer" in Chromium, reached through the header's „Outreach" menu: add an SMTP
 * mailbox, test its connection against a real SMTP server (GreenMail), break its port and read the
 * German error, and see that a stored password is never shown back; the same for its inbox (IMAP).
 */
class MailboxesBrowserTest extends CampaignBrowserBase {

    @Autowired
    Replies replies;

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

    /**
     * A mailbox with an inbox on the test IMAP server: both halves of the test pass; a wrong IMAP
     * password fails only the inbox, in German; a failed read shows in the list as text; passwords
     * never come back; the inbox can be removed.
     */
    @Test
    void anInboxIsTestedAndRemoved() {
        String u = Long.toString(System.nanoTime(), 36);
        String name = "Mit Posteingang " + u;
        GreenMailUser user = SMTP.setUser("antworten-" + u + "@postfach-test.de", "antworten-" + u, "imap-geheim");
        int imapPort = SMTP.getImap().getPort();
        page.navigate(base() + "/mailboxes");
        page.locator("#mailbox-name").fill(name);
        page.locator("#mailbox-host").fill("127.0.0.1");
        page.locator("#mailbox-port").fill(String.valueOf(SMTP.getSmtp().getPort()));
        page.locator("#mailbox-security").selectOption("none");
        page.locator("#mailbox-from").fill("agentur@postfach-test.de");
        page.locator("#mailbox-imap-host").fill("127.0.0.1");
        page.locator("#mailbox-imap-port").fill(String.valueOf(imapPort));
        assertThat(page.locator("#mailbox-imap-port")).hasAttribute("placeholder", "993");
        page.locator("#mailbox-imap-security").selectOption("none");
        assertThat(page.locator("#mailbox-imap-port")).hasAttribute("placeholder", "143");
        page.locator("#mailbox-imap-user").fill(user.getLogin());
        page.locator("#mailbox-imap-password").fill("imap-geheim");
        page.locator("#mailbox-save").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Postfach „" + name + "“ gespeichert.");
        assertThat(row(name).locator("td.inbox .inbox-server"))
                .hasText("127.0.0.1:" + imapPort + " (unverschlüsselt) · " + user.getLogin() + " · Passwort gesetzt");
        assertThat(row(name).locator("td.inbox .inbox-checked")).hasText("noch nicht abgerufen");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("imap-geheim");

        row(name).locator(".mailbox-test").click();
        String ok = "Verbindung erfolgreich: Der Server hat die Anmeldung angenommen.";
        assertThat(row(name).locator(".test-smtp")).hasText("Versand (SMTP): " + ok);
        assertThat(row(name).locator(".test-imap")).hasText("Posteingang (IMAP): " + ok);
        Browser.screenshot(page, "mailboxes-imap");

        // a wrong IMAP password: sending still works, the inbox says why not
        String wrong = "Falsch-Geheim-" + u;
        row(name).locator(".mailbox-edit").click();
        assertThat(page.locator("#mailbox-imap-host")).hasValue("127.0.0.1");
        assertThat(page.locator("#mailbox-imap-user")).hasValue(user.getLogin());
        assertThat(page.locator("#mailbox-imap-password")).hasValue("");
        assertThat(page.locator("#mailbox-imap-password-hint")).isVisible();
        page.locator("#mailbox-imap-password").fill(wrong);
        page.locator("#mailbox-save").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Postfach „" + name + "“ gespeichert.");
        row(name).locator(".mailbox-test").click();
        assertThat(row(name).locator(".test-smtp")).hasText("Versand (SMTP): " + ok);
        assertThat(row(name).locator(".test-imap"))
                .containsText("Posteingang (IMAP): Verbindung fehlgeschlagen: Der Server hat Benutzername oder"
                        + " Passwort abgelehnt.");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(wrong);

        // the last read's error in German words, the server's part as text (never as markup)
        long id = Long.parseLong(row(name).getAttribute("data-id"));
        replies.check();
        jdbc.sql("update mailboxes set imap_error = imap_error || ' <b>fett</b>' where id = :id")
                .param("id", id)
                .update();
        page.reload();
        assertThat(row(name).locator("td.inbox .inbox-checked")).containsText("zuletzt abgerufen: ");
        assertThat(row(name).locator("td.inbox .inbox-error"))
                .containsText("Letzter Abruf fehlgeschlagen: Der Server hat Benutzername oder Passwort abgelehnt.");
        assertThat(row(name).locator("td.inbox .inbox-error")).containsText("<b>fett</b>");
        assertThat(row(name).locator("td.inbox b")).hasCount(0);
        Browser.screenshot(page, "mailboxes-imap-failed");

        row(name).locator(".mailbox-edit").click();
        page.locator("#mailbox-imap-remove").check();
        page.locator("#mailbox-save").click();
        assertThat(row(name).locator("td.inbox")).hasText("keiner");
        assertThat(row(name).locator("td.server"))
                .containsText("127.0.0.1:" + SMTP.getSmtp().getPort());
        row(name).locator(".mailbox-test").click();
        assertThat(row(name).locator(".mailbox-test-result")).hasText(ok);
        page.onceDialog(dialog -> dialog.accept());
        row(name).locator(".mailbox-delete").click();
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

    /** A viewer reads the mailboxes but sees nothing to change or test; the campaigns list offers no wizard. */
    @Test
    void aViewerOnlyReads() {
        String name = "viewer-" + Long.toString(System.nanoTime(), 36);
        var created = new app.leadgen.testing.Api(port)
                .postJson(
                        "/api/users",
                        "{\"username\": \"" + name + "\", \"password\": \"password-of-" + name
                                + "\", \"role\": \"VIEWER\"}");
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body())
                .isEqualTo(201);
        context.clearCookies();
        Browser.logIn(context, base(), name, "password-of-" + name);
        page.navigate(base() + "/mailboxes");
        assertThat(page.locator("#mailboxes-body tr.mailbox").first()).isVisible();
        assertThat(page.locator("#mailbox-form")).isHidden();
        assertThat(page.locator(".mailbox-test")).hasCount(0);
        page.navigate(base() + "/campaigns");
        assertThat(page.locator("#campaigns-table")).isVisible();
        assertThat(page.locator("#campaign-new")).isHidden();
    }
}
