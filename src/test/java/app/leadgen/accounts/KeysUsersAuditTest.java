package app.leadgen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** API keys (API_KEY, personal keys per role, revoked), the users API and the audit log. */
class KeysUsersAuditTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void apiKeyActsAsAnAdmin() {
        Api env = new Api(port);
        assertThat(env.get("/api/users").status()).isEqualTo(200);
        assertThat(env.get("/api/me").json().path("username").asString()).isEqualTo("API_KEY");
        assertThat(env.get("/api/me/keys").status()).isEqualTo(403);
    }

    @Test
    void aPersonalKeyActsWithItsUsersRole() {
        Accounts.TestUser viewer = Accounts.create(port, "VIEWER");
        Accounts.TestUser member = Accounts.create(port, "MEMBER");
        Accounts.TestUser admin = Accounts.create(port, "ADMIN");

        Api viewerKey = new Api(port, viewer.key());
        assertThat(viewerKey.get("/api/leads").status()).isEqualTo(200);
        Api.Reply refused = viewerKey.postJson("/api/locations", "{\"city\": \"Köln\", \"categories\": [\"bakery\"]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asString()).isEqualTo("Ihre Rolle erlaubt diese Aktion nicht.");
        assertThat(viewerKey.get("/export?format=csv").status()).isEqualTo(403);

        Api memberKey = new Api(port, member.key());
        Api.Reply created = memberKey.postJson("/api/locations", "{\"city\": \"Köln\", \"categories\": [\"bakery\"]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(memberKey
                        .delete("/api/locations/" + created.json().path("id").asLong())
                        .status())
                .isEqualTo(204);
        assertThat(memberKey.get("/api/users").status()).isEqualTo(403);
        assertThat(memberKey
                        .putJson("/api/settings/ai", "{\"model\": \"gpt-4.1\"}")
                        .status())
                .isEqualTo(403);
        assertThat(memberKey.get("/api/settings/ai?lang=en").status()).isEqualTo(200);
        assertThat(memberKey
                        .putJson("/api/settings/ai?lang=en", "{\"model\": \"gpt-4.1\"}")
                        .json()
                        .path("detail")
                        .asString())
                .isEqualTo("Your role does not allow this action.");

        assertThat(new Api(port, admin.key()).get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void aKeyIsShownOnceStoredAsHashShowsItsLastUseAndStopsWhenRevoked() {
        Accounts.TestUser user = Accounts.create(port, "MEMBER");
        Api session = Api.anonymous(port);
        Accounts.logIn(session, user.username(), user.password());

        Api.Reply created = session.postJsonWithCsrf("/api/me/keys", "{\"name\": \"Tabellen-Skript\"}");
        assertThat(created.status()).isEqualTo(201);
        var key = created.json();
        assertThat(key.propertyNames()).containsExactlyInAnyOrder("id", "name", "key", "createdAt");
        String secret = key.path("key").asString();
        assertThat(secret).startsWith("lg_").hasSizeGreaterThan(40);

        var listed = session.get("/api/me/keys");
        assertThat(listed.body()).doesNotContain(secret).contains("Tabellen-Skript");
        assertThat(listed.json().get(1).path("lastUsedAt").isNull()).isTrue();

        assertThat(new Api(port, secret).get("/api/leads").status()).isEqualTo(200);
        assertThat(session.get("/api/me/keys").json().get(1).path("lastUsedAt").isString())
                .isTrue();

        long id = key.path("id").asLong();
        assertThat(session.deleteWithCsrf("/api/me/keys/" + id).status()).isEqualTo(204);
        Api.Reply revoked = new Api(port, secret).get("/api/leads");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().path("detail").asString()).contains("ungültig oder wurde widerrufen");
        // a wrong key is refused even next to a valid session
        assertThat(session.with("X-API-Key", "lg_not-a-key").get("/api/leads").status())
                .isEqualTo(401);
    }

    @Test
    void usersHaveTheContractShapeAndPasswordRules() {
        Api admin = new Api(port);
        String name = "neu-" + Long.toString(System.nanoTime(), 36);
        Api.Reply created = admin.postJson(
                "/api/users",
                "{\"username\": \"" + name + "\", \"password\": \"zwölf-zeichen!\", \"role\": \"VIEWER\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().propertyNames())
                .containsExactlyInAnyOrder("id", "username", "role", "active", "createdAt", "lastLoginAt");
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("zwölf", "hash");

        Api.Reply shortPassword = admin.postJson(
                "/api/users", "{\"username\": \"kurz\", \"password\": \"elf-zeichen\", \"role\": \"MEMBER\"}");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.contentType()).startsWith("application/problem+json");
        assertThat(shortPassword.json().path("detail").asString()).contains("mindestens 12 Zeichen");
        assertThat(admin.postJson(
                                "/api/users",
                                "{\"username\": \"" + name
                                        + "\", \"password\": \"zwölf-zeichen!\", \"role\": \"VIEWER\"}")
                        .status())
                .isEqualTo(409);
        assertThat(admin.postJson(
                                "/api/users",
                                "{\"username\": \"x y\", \"password\": \"zwölf-zeichen!\", \"role\": \"VIEWER\"}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.postJson(
                                "/api/users",
                                "{\"username\": \"rolle\", \"password\": \"zwölf-zeichen!\", \"role\": \"BOSS\"}")
                        .status())
                .isEqualTo(400);

        long id = created.json().path("id").asLong();
        var changed = admin.putJson("/api/users/" + id, "{\"role\": \"MEMBER\", \"password\": \"ein-neues-passwort\"}");
        assertThat(changed.json().path("role").asString()).isEqualTo("MEMBER");
        assertThat(Accounts.logIn(Api.anonymous(port), name, "ein-neues-passwort")
                        .header("Location"))
                .isEqualTo("/");
        assertThat(admin.putJson("/api/users/" + id, "{\"password\": \"kurz\"}").status())
                .isEqualTo(400);
        assertThat(admin.putJson("/api/users/987654", "{\"active\": false}").status())
                .isEqualTo(404);
    }

    @Test
    void theLastActiveAdminStays() {
        Api admin = new Api(port);
        var users = admin.get("/api/users").json();
        long admins = users.valueStream()
                .filter(u -> u.path("role").asString().equals("ADMIN")
                        && u.path("active").asBoolean())
                .count();
        if (admins == 1) {
            long id = users.valueStream()
                    .filter(u -> u.path("role").asString().equals("ADMIN"))
                    .findFirst()
                    .orElseThrow()
                    .path("id")
                    .asLong();
            assertThat(admin.putJson("/api/users/" + id, "{\"active\": false}").status())
                    .isEqualTo(409);
        }
    }

    @Test
    void everyoneChangesTheirOwnPassword() {
        Accounts.TestUser viewer = Accounts.create(port, "VIEWER");
        Api session = Api.anonymous(port);
        Accounts.logIn(session, viewer.username(), viewer.password());
        Api other = Api.anonymous(port);
        Accounts.logIn(other, viewer.username(), viewer.password());

        Api.Reply wrong = session.putJsonWithCsrf(
                "/api/me/password",
                "{\"currentPassword\": \"falsch-falsch\", \"newPassword\": \"ganz-neues-passwort\"}");
        assertThat(wrong.status()).isEqualTo(400);
        Api.Reply changed = session.putJsonWithCsrf(
                "/api/me/password",
                "{\"currentPassword\": \"" + viewer.password() + "\", \"newPassword\": \"ganz-neues-passwort\"}");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(session.get("/api/me").status()).as("this session goes on").isEqualTo(200);
        assertThat(other.get("/api/me").status()).as("the other session ended").isEqualTo(401);
        assertThat(Accounts.logIn(Api.anonymous(port), viewer.username(), "ganz-neues-passwort")
                        .header("Location"))
                .isEqualTo("/");
    }

    @Test
    void theAuditLogSaysWhoDidWhatFromWhere() {
        Accounts.TestUser member = Accounts.create(port, "MEMBER");
        Api memberKey = new Api(port, member.key());
        long run = memberKey.startRun("audit");
        memberKey.postJson("/api/runs/" + run + "/stop", "");
        memberKey.get("/export?format=csv");
        new Api(port).putJson("/api/settings/ai", "{\"model\": \"gpt-4.1-mini\"}");
        new Api(port).awaitFinished(run);

        Api admin = new Api(port);
        var page = admin.get("/api/audit?page=0&size=200").json();
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(5);
        var lines = page.path("items")
                .valueStream()
                .map(e -> e.path("actor").asString() + " | " + e.path("action").asString() + " | "
                        + e.path("detail").asString() + " | "
                        + e.path("remoteAddress").asString())
                .toList();
        String actor = member.username() + " (key: tests)";
        assertThat(lines)
                .anyMatch(l -> l.equals(actor + " | run.start | run " + run + " (instagram: audit) | 127.0.0.1"))
                .anyMatch(l -> l.equals(actor + " | run.stop | run " + run + " (instagram: audit) | 127.0.0.1"))
                .anyMatch(l -> l.startsWith(actor + " | export | leads-") && l.contains(".csv"))
                .anyMatch(l -> l.equals("API_KEY | settings.change | drafting model: gpt-4.1-mini | 127.0.0.1"))
                .anyMatch(l -> l.startsWith("API_KEY | user.create | " + member.username() + " (MEMBER)"))
                .anyMatch(l -> l.startsWith(member.username() + " | key.create | tests"));

        assertThat(memberKey.get("/api/audit").status()).isEqualTo(403);
        assertThat(admin.get("/api/audit?size=1000").status()).isEqualTo(400);
    }
}
