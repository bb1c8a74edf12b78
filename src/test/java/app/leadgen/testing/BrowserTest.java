package app.leadgen.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the tests that drive a page in Chromium against the whole app: one browser per class, a
 * fresh context and page per test, logged in (as {@link #login()} says) before the test starts,
 * and a test fails if the page threw an uncaught script error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends IntegrationTest {

    protected Browser browser;
    protected BrowserContext context;
    protected Page page;
    private final List<String> pageErrors = new ArrayList<>();
    private final List<String> policyViolations = new ArrayList<>();

    /** How long Playwright's assertions wait by default. */
    protected int assertionTimeoutMillis() {
        return 10_000;
    }

    @BeforeAll
    void launchBrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(assertionTimeoutMillis());
        browser = Browser.launch();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    private int appPort;

    /**
     * Who each test is logged in as before it starts: the test profile's admin; null for none (a
     * test of the login itself).
     */
    protected String[] login() {
        return new String[] {Api.ADMIN, Api.ADMIN_PASSWORD};
    }

    @BeforeEach
    void openBrowserPage() {
        context = browser.newContext();
        String[] login = login();
        if (login != null) {
            Browser.logIn(context, "http://127.0.0.1:" + appPort, login[0], login[1]);
        }
        page = context.newPage();
        pageErrors.clear();
        policyViolations.clear();
        page.onPageError(pageErrors::add);
        // the Content-Security-Policy allows no inline script or style: Chromium reports what it blocked
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
    }

    @AfterEach
    void closeBrowserPage() {
        context.close();
        assertThat(pageErrors).as("uncaught script errors on the page").isEmpty();
        assertThat(policyViolations).as("Content-Security-Policy violations").isEmpty();
    }
}
