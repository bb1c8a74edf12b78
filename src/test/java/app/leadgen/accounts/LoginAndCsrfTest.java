package app.leadgen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.TestLeads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The login form, sessions, CSRF, lockout and logout, over real HTTP. */
class LoginAndCsrfTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    @Test
    void theLoginPageIsGermanFirstWithTheFormFieldsAndTheCsrfToken() {
        Api browser = Api.anonymous(port).with("Accept", "text/html");
        Api.Reply page = browser.get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Anmelden", "name=\"username\"", "name=\"password\"", "<meta name=\"_csrf\"")
                .contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"");
        assertThat(browser.get("/login?lang=en").body()).contains("Log in", "Password");
        String cookie = page.header("Set-Cookie");
        assertThat(cookie).contains("JSESSIONID", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void theFirstAdminComesFromTheEnvironmentAndLogsIn() {
        var users = new Api(port).get("/api/users").json();
        assertThat(users.valueStream()
                        .map(u -> u.path("username").asString() + ":"
                                + u.path("role").asString()))
                .contains(Api.ADMIN + ":ADMIN");
        Api session = Api.anonymous(port);
        Api.Reply login = Accounts.logIn(session, Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).isEqualTo("/");
        assertThat(session.get("/api/leads").status()).isEqualTo(200);
        assertThat(session.get("/api/me").json().path("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void aFormPostWithoutTheTokenIsRefusedAndSendsNothing() {
        TestLeads leads = new TestLeads(jdbc, store);
        long run = leads.run("csrf");
        String username = "csrf_" + System.nanoTime() % 100_000;
        leads.lead(run, "csrf", username, "Csrf Test", "", "csrf@example.de");
        Api session = Api.anonymous(port);
        Accounts.logIn(session, Api.ADMIN, Api.ADMIN_PASSWORD);

        // what another site's hidden form would post with the user's cookie, but without the page's token
        Api.Reply forged = session.postForm("/send/" + username, "subject=Hallo&body=Gekauft&to=attacker@example.com");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("detail").asString()).contains("CSRF");
        assertThat(jdbc.sql("select count(*) from email_sends where username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(Api.anonymous(port).get("/api/runs").status()).isEqualTo(401);

        int pauseBefore = new Api(port)
                .get("/api/settings/runs")
                .json()
                .path("batchPauseSeconds")
                .asInt();
        Api.Reply noToken = session.putJson("/api/settings/runs", "{\"batchSize\": 7, \"batchPauseSeconds\": 77}");
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(new Api(port)
                        .get("/api/settings/runs")
                        .json()
                        .path("batchPauseSeconds")
                        .asInt())
                .isEqualTo(pauseBefore);

        // the page's own request (token in the header, as js/common.js sends it) goes through
        Api.Reply withToken = session.putJsonWithCsrf(
                "/api/settings/runs", "{\"batchSize\": 50, \"batchPauseSeconds\": " + pauseBefore + "}");
        assertThat(withToken.status()).isEqualTo(200);
    }

    @Test
    void withNeitherSessionNorKeyEveryMethodGets401NotTheCsrf403() {
        Api nobody = Api.anonymous(port);
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            Api.Reply reply = nobody.request(method, "/api/locations/1", method.equals("DELETE") ? null : "{}");
            assertThat(reply.status()).as(method).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        Api.Reply form = nobody.postForm("/send/someone", "subject=a&body=b");
        assertThat(form.status()).isEqualTo(401);
        assertThat(nobody.get("/api/leads?lang=en").json().path("detail").asString())
                .contains("Not logged in");
        Api.Reply page = nobody.with("Accept", "text/html").get("/locations");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/login");
    }

    @Test
    void fiveFailuresLockTheNameForFifteenMinutes() {
        Accounts.TestUser user = Accounts.create(port, "MEMBER");
        for (int i = 1; i <= LoginFailures.MAX_FAILURES; i++) {
            Api.Reply wrong = Accounts.logIn(Api.anonymous(port), user.username(), "wrong-password-" + i);
            assertThat(wrong.header("Location")).as("failure " + i).isEqualTo("/login?error");
        }
        Api.Reply right = Accounts.logIn(Api.anonymous(port), user.username(), user.password());
        assertThat(right.header("Location")).isEqualTo("/login?locked");
        assertThat(Api.anonymous(port)
                        .with("Accept", "text/html")
                        .get("/login?locked")
                        .body())
                .contains("15 Minuten gesperrt");
        var lockedUntil = jdbc.sql("select locked_until from login_failures where username = :u")
                .param("u", user.username())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(lockedUntil)
                .isBetween(
                        java.time.Instant.now().plusSeconds(14 * 60),
                        java.time.Instant.now().plusSeconds(15 * 60 + 5));
        // the key of that user still works: the lock is on password logins
        assertThat(new Api(port, user.key()).get("/api/leads").status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSession() {
        Api session = Api.anonymous(port);
        Accounts.logIn(session, Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(session.get("/api/leads").status()).isEqualTo(200);
        String token = session.csrfToken("/profile");
        Api.Reply out = session.postForm("/logout", "_csrf=" + Accounts.enc(token));
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).isEqualTo("/login?logout");
        assertThat(session.get("/api/leads").status()).isEqualTo(401);
    }

    @Test
    void aDeactivatedUsersSessionAndKeyStopAtOnceAndANewRoleAppliesAtOnce() {
        Accounts.TestUser user = Accounts.create(port, "MEMBER");
        Api session = Api.anonymous(port);
        Accounts.logIn(session, user.username(), user.password());
        assertThat(session.get("/api/me").json().path("role").asString()).isEqualTo("MEMBER");

        Api admin = new Api(port);
        admin.putJson("/api/users/" + user.id(), "{\"role\": \"VIEWER\"}");
        assertThat(session.get("/api/me").json().path("role").asString()).isEqualTo("VIEWER");
        assertThat(session.postJsonWithCsrf("/api/runs", "{\"keyword\": \"x\"}").status())
                .isEqualTo(403);

        admin.putJson("/api/users/" + user.id(), "{\"active\": false}");
        assertThat(session.get("/api/me").status()).isEqualTo(401);
        assertThat(new Api(port, user.key()).get("/api/me").status()).isEqualTo(401);
        assertThat(Accounts.logIn(Api.anonymous(port), user.username(), user.password())
                        .header("Location"))
                .isEqualTo("/login?error");
    }
}
