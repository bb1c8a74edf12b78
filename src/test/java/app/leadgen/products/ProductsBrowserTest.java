package app.leadgen.products;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Browser;
import app.leadgen.testing.BrowserTest;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page „Produkte" in Chromium: add, edit and delete a product. */
class ProductsBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    private Locator row(String name) {
        return page.locator("#products-body tr")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("td.name")
                                .getByText(name, new Locator.GetByTextOptions().setExact(true))));
    }

    @Test
    void addEditAndDeleteAProduct() {
        String name = "SEO-Check " + Long.toString(System.nanoTime(), 36);
        page.navigate("http://127.0.0.1:" + port + "/products");
        assertThat(page).hasTitle("Produkte – LeadGen");

        page.locator("#product-save").click();
        assertThat(page.locator("#product-error")).hasText("Bitte einen Namen angeben.");

        page.locator("#product-name").fill(name);
        page.locator("#product-price").fill("1.299,50");
        page.locator("#product-url").fill("https://agentur.example/seo");
        page.locator("#product-description").fill("Analyse der Website mit Maßnahmenplan");
        page.locator("#product-save").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Produkt „" + name + "“ gespeichert.");
        assertThat(row(name).locator("td.price")).hasText(java.util.regex.Pattern.compile("1\\.299,50\\s*€"));
        assertThat(row(name).locator("td.url a")).hasAttribute("href", "https://agentur.example/seo");
        Browser.screenshot(page, "products");

        row(name).locator(".product-edit").click();
        assertThat(page.locator("#product-name")).hasValue(name);
        assertThat(page.locator("#product-price")).hasValue("1299,50");
        page.locator("#product-price").fill("");
        page.locator("#product-save").click();
        assertThat(row(name).locator("td.price")).hasText("auf Anfrage");

        page.onceDialog(dialog -> {
            assertThat(dialog.message()).contains(name);
            dialog.accept();
        });
        row(name).locator(".product-delete").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Produkt „" + name + "“ gelöscht.");
        assertThat(row(name)).hasCount(0);
    }
}
