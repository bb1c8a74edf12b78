package app.leadgen.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.leadgen.testing.Browser;
import app.leadgen.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What each role sees, the English login page, and the API documentation under the Content-Security-Policy. */
class RolePagesBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void aViewerReadsButSeesNothingToChange() {
        Accounts.TestUser viewer = Accounts.create(port, "VIEWER");
        context.clearCookies();
        Browser.logIn(context, base(), viewer.username(), viewer.password());

        page.navigate(base() + "/");
        assertThat(page.locator("#nav-username")).hasText(viewer.username());
        assertThat(page.locator("#session-modal")).isHidden();
        assertThat(page.locator("#run-form")).isHidden();
        assertThat(page.locator("#settings-panel")).isHidden();
        assertThat(page.locator("#export-csv")).isHidden();
        assertThat(page.locator("#leads-table")).isVisible();
        assertThat(page.locator("#leads-total")).containsText("Leads");
        assertThat(page.locator("#nav-users")).hasCount(0);
        Browser.screenshot(page, "accounts-viewer-home");

        page.navigate(base() + "/locations");
        assertThat(page.locator("#location-form")).isHidden();
        assertThat(page.locator("#schedule-save")).isHidden();
        assertThat(page.locator("#run-now")).isHidden();
        assertThat(page.locator("#schedule-next")).isVisible();
    }

    @Test
    void aMemberSeesTheScheduleButOnlyAnAdminChangesIt() {
        Accounts.TestUser member = Accounts.create(port, "MEMBER");
        context.clearCookies();
        Browser.logIn(context, base(), member.username(), member.password());
        page.navigate(base() + "/locations");
        assertThat(page.locator("#location-form")).isVisible();
        assertThat(page.locator("#run-now")).isVisible();
        assertThat(page.locator("#schedule-save")).isHidden();
        assertThat(page.locator("#schedule-time")).isHidden();
    }

    @Test
    void theLoginPageSpeaksEnglishOnRequest() {
        context.clearCookies();
        page.navigate(base() + "/login?lang=en");
        assertThat(page.locator("h2")).hasText("Log in");
        assertThat(page.locator("label[for='password']")).hasText("Password");
        assertThat(page.locator("#login-button")).hasText("Log in");
        Browser.screenshot(page, "accounts-login-en");
    }

    @Test
    void theApiDocumentationWorksUnderTheContentSecurityPolicy() {
        page.navigate(base() + "/swagger-ui.html");
        assertThat(page.locator(".swagger-ui .info .title")).containsText("LeadGen API");
        assertThat(page.locator(".opblock-tag-section").first()).isVisible();
        Browser.screenshot(page, "accounts-swagger");
    }
}
