package app.leadgen.suppressions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Browser;
import app.leadgen.testing.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page „Sperrliste" in Chromium: add an address and a domain, find them, import a CSV file, take one off. */
class SuppressionsBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Suppressions suppressions;

    private Locator row(String text) {
        return page.locator("#suppressions-body tr")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("td.entry")
                                .getByText(text, new Locator.GetByTextOptions().setExact(true))));
    }

    @Test
    void addSearchImportAndRemoveEntries() {
        String u = Long.toString(System.nanoTime(), 36);
        page.navigate("http://127.0.0.1:" + port + "/suppressions");
        assertThat(page).hasTitle("Sperrliste – LeadGen");
        assertThat(page.locator("#nav-suppressions")).hasClass(java.util.regex.Pattern.compile("fw-bold"));

        // a mistake comes back in German from the server's problem detail
        page.locator("#suppression-value").fill("nur_so");
        page.locator("#suppression-add").click();
        assertThat(page.locator("#suppression-error")).containsText("keine gültige Domain");

        page.locator("#suppression-value").fill("Kunde@Browser-" + u + ".de");
        page.locator("#suppression-reason").selectOption("unsubscribed");
        page.locator("#suppression-add").click();
        assertThat(page.locator(".app-toast.success").last())
                .hasText("„kunde@browser-" + u + ".de“ steht jetzt auf der Sperrliste.");
        assertThat(row("kunde@browser-" + u + ".de").locator("td.reason")).hasText("abgemeldet");

        page.locator("#suppression-value").fill("konkurrenz-" + u + ".de");
        page.locator("#suppression-reason").selectOption("manual");
        page.locator("#suppression-add").click();
        assertThat(row("Domain konkurrenz-" + u + ".de").locator("td.reason")).hasText("von Hand");
        assertThat(page.locator("#suppression-error")).isHidden();

        byte[] csv = ("E-Mail\nimport1@datei-" + u + ".de\nimport2@datei-" + u + ".de\nunsinn\n")
                .getBytes(StandardCharsets.UTF_8);
        page.locator("#suppression-file").setInputFiles(new FilePayload("sperre.csv", "text/csv", csv));
        page.locator("#suppression-import").click();
        assertThat(page.locator("#suppression-import-result"))
                .hasText("3 Zeilen gelesen: 2 neu gesperrt, 0 schon gesperrt, 1 unbrauchbar. Unbrauchbare Zeilen: 4");
        assertThat(row("import1@datei-" + u + ".de")).isVisible();

        page.locator("#suppression-search").fill(u);
        assertThat(page.locator("#suppressions-body tr")).hasCount(4);
        assertThat(page.locator("#suppressions-count")).hasText("4 Einträge");
        Browser.screenshot(page, "suppressions-list");

        page.onceDialog(dialog -> {
            assertThat(dialog.message()).contains("kunde@browser-" + u + ".de");
            dialog.accept();
        });
        row("kunde@browser-" + u + ".de").locator(".suppression-delete").click();
        assertThat(page.locator(".app-toast.success").last())
                .hasText("„kunde@browser-" + u + ".de“ ist nicht mehr gesperrt.");
        assertThat(page.locator("#suppressions-body tr")).hasCount(3);
        assertThat(suppressions.isSuppressed("kunde@browser-" + u + ".de")).isFalse();
        assertThat(suppressions.isSuppressed("chef@konkurrenz-" + u + ".de")).isTrue();
    }
}
