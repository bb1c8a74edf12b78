package app.leadgen.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.leadgen.testing.Api;
import app.leadgen.testing.Browser;
import app.leadgen.testing.BrowserTest;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.SearchItems;
import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A fresh install without ADMIN_USERNAME/ADMIN_PASSWORD, in order: before any user exists every
 * other address gets 403 and the machine itself is sent to the setup page; then a newcomer creates
 * the admin in Chromium, creates a member, logs in as the member, sees no admin pages, starts a run
 * and logs out.
 */
@TestPropertySource(properties = {"leadgen.security.admin-username=", "leadgen.security.admin-password="})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdminBrowserTest extends BrowserTest {

    private static final String ADMIN = "chefin";
    private static final String ADMIN_PASSWORD = "das-erste-passwort";
    private static final String MEMBER = "mitglied";
    private static final String MEMBER_PASSWORD = "passwort-des-mitglieds";

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext web;

    @Override
    protected String[] login() {
        return null; // nobody to log in as yet
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private MockMvc from(String address) {
        return MockMvcBuilders.webAppContextSetup(web)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(get("/").with(request -> {
                    request.setRemoteAddr(address);
                    request.addHeader("Host", "localhost");
                    return request;
                }))
                .build();
    }

    @Test
    @Order(1)
    void beforeAnyUserEveryOtherAddressGets403() throws Exception {
        MockMvc remote = from("203.0.113.9");
        remote.perform(get("/").accept("text/html")).andExpect(status().isForbidden());
        remote.perform(get("/api/leads")).andExpect(status().isForbidden());
        remote.perform(get("/setup").accept("text/html")).andExpect(status().isForbidden());
        remote.perform(get("/login").accept("text/html")).andExpect(status().isForbidden());
        remote.perform(get("/ping")).andExpect(status().isOk());
        // API_KEY may act from anywhere (it can create the first user through the API)
        remote.perform(get("/api/leads").header("X-API-Key", Api.KEY)).andExpect(status().isOk());

        // a proxy on the same machine relays someone else: not the machine itself
        Api.Reply relayed =
                Api.anonymous(port).with("X-Forwarded-For", "198.51.100.7").get("/api/leads");
        assertThat(relayed.status()).isEqualTo(403);
        assertThat(relayed.json().path("detail").asString()).contains("ADMIN_USERNAME");
    }

    @Test
    @Order(2)
    void fromTheMachineItselfEveryPageLeadsToTheSetupPage() {
        Api local = Api.anonymous(port).with("Accept", "text/html");
        for (String page : new String[] {"/", "/login", "/locations", "/users"}) {
            Api.Reply reply = local.get(page);
            assertThat(reply.status()).as(page).isEqualTo(302);
            assertThat(reply.header("Location")).as(page).isEqualTo("/setup");
        }
        assertThat(local.get("/setup").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/api/leads").status())
                .as("a script still needs a key")
                .isEqualTo(401);
    }

    @Test
    @Order(3)
    void aNewcomerCreatesTheAdminAndAMemberWhoStartsARunWithoutAdminPages() {
        // the README's first step: open http://localhost:8080 and be asked for a name and password once
        page.navigate(base() + "/");
        assertThat(page).hasURL(base() + "/setup");
        assertThat(page.locator("h2")).hasText("Administrator anlegen");
        page.locator("#username").fill(ADMIN);
        page.locator("#password").fill(ADMIN_PASSWORD);
        page.locator("#password-repeat").fill(ADMIN_PASSWORD + "?");
        page.locator("#setup-button").click();
        assertThat(page.locator("#setup-error")).hasText("Die beiden Passwörter stimmen nicht überein.");
        assertThat(page.locator("#username")).hasValue(ADMIN);
        page.locator("#password").fill(ADMIN_PASSWORD);
        page.locator("#password-repeat").fill(ADMIN_PASSWORD);
        Browser.screenshot(page, "accounts-setup");
        page.locator("#setup-button").click();

        // logged in at once as the admin
        assertThat(page).hasURL(base() + "/");
        assertThat(page.locator("#nav-username")).hasText(ADMIN);
        assertThat(page.locator("#nav-users")).isVisible();
        assertThat(page.locator("#nav-audit")).isVisible();
        page.locator("#session-skip").click();

        // the users page: create a member
        page.locator("#nav-users").click();
        assertThat(page.locator("h2.page-title")).hasText("Benutzer");
        assertThat(page.locator("#users-body tr[data-username='" + ADMIN + "']"))
                .isVisible();
        page.locator("#new-username").fill(MEMBER);
        page.locator("#new-password").fill(MEMBER_PASSWORD);
        assertThat(page.locator("#new-role")).hasValue("MEMBER");
        page.locator("#user-save").click();
        Locator memberRow = page.locator("#users-body tr[data-username='" + MEMBER + "']");
        assertThat(memberRow).isVisible();
        assertThat(memberRow.locator(".role-select")).hasValue("MEMBER");
        assertThat(memberRow.locator(".status")).hasText("aktiv");
        Browser.screenshot(page, "accounts-users");

        // own profile: a personal key, shown once
        page.locator("#nav-profile").click();
        page.locator("#key-name").fill("Tabellen-Skript");
        page.locator("#key-create").click();
        assertThat(page.locator("#key-value")).hasText(Pattern.compile("^lg_.{40,}$"));
        assertThat(page.locator("#keys-body tr.key .name")).hasText("Tabellen-Skript");
        Browser.screenshot(page, "accounts-profile");

        page.locator("#nav-audit").click();
        assertThat(page.locator("#audit-body td.action[data-action='user.create']"))
                .hasCount(2);
        assertThat(page.locator("#audit-body td.action[data-action='key.create']"))
                .hasCount(1);
        assertThat(page.locator("#audit-body td.address").first()).hasText("127.0.0.1");
        Browser.screenshot(page, "accounts-audit");

        page.locator("#logout-button").click();
        assertThat(page).hasURL(base() + "/login?logout");
        assertThat(page.locator("#login-out")).isVisible();

        // a wrong password first, then the member logs in through the form
        page.locator("#username").fill(MEMBER);
        page.locator("#password").fill("nicht-das-passwort");
        page.locator("#login-button").click();
        assertThat(page.locator("#login-error")).hasText("Name oder Passwort ist falsch.");
        Browser.screenshot(page, "accounts-login-failed");
        page.locator("#username").fill(MEMBER);
        page.locator("#password").fill(MEMBER_PASSWORD);
        page.locator("#login-button").click();
        assertThat(page).hasURL(base() + "/");
        assertThat(page.locator("#nav-username")).hasText(MEMBER);

        // what a member cannot do is not shown
        assertThat(page.locator("#nav-users")).hasCount(0);
        assertThat(page.locator("#nav-audit")).hasCount(0);
        assertThat(page.locator("#settings-panel")).isHidden();
        assertThat(page.locator("#run-form")).isVisible();
        assertThat(page.locator("#export-csv")).isVisible();

        // and the server refuses it all the same
        page.navigate(base() + "/users");
        assertThat(page.locator("#forbidden h2")).hasText("Kein Zugriff");
        Browser.screenshot(page, "accounts-member-forbidden");

        // the member starts a run
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("mitgliedlauf", 10, new String[] {}, "ml_anna", "ml_bert")
                .json());
        Fakes.INSTAGRAM.profile("ml_anna", "Anna", "", "anna@example.de", "+4930111", "https://anna.de", 10);
        Fakes.INSTAGRAM.profile("ml_bert", "Bert", "", "bert@example.de", "+4930222", "https://bert.de", 20);
        page.navigate(base() + "/");
        // the tab already said „Ohne Session" while the admin was logged in (kept for the tab)
        assertThat(page.locator("#session-modal")).isHidden();
        page.locator("#keyword").fill("mitgliedlauf");
        page.locator("#run-button").click();
        assertThat(page.locator(".app-toast.success").first()).containsText("gestartet");
        assertThat(page.locator("#run-progress")).isVisible();
        assertThat(page.locator("#run-status")).hasText("Abgeschlossen");
        assertThat(page.locator("tr.lead[data-username='ml_anna']")).isVisible();
        Browser.screenshot(page, "accounts-member-run");

        page.locator("#logout-button").click();
        assertThat(page).hasURL(base() + "/login?logout");
        page.navigate(base() + "/");
        assertThat(page).hasURL(base() + "/login");
        Browser.screenshot(page, "accounts-login");
    }

    @Test
    @Order(4)
    void onceAUserExistsTheSetupPageIsGoneAndOthersAreAskedToLogIn() throws Exception {
        Api local = Api.anonymous(port).with("Accept", "text/html");
        assertThat(local.get("/setup").header("Location")).isEqualTo("/login");
        from("203.0.113.9").perform(get("/locations").accept("text/html")).andExpect(status().isFound());
        var audit = new Api(port).get("/api/audit").json().path("items");
        assertThat(audit.valueStream()
                        .map(e -> e.path("actor").asString() + " "
                                + e.path("action").asString()))
                .contains(ADMIN + " user.create", MEMBER + " run.start");
    }
}
