package app.leadgen.accounts;

import app.leadgen.testing.Api;

/** Test users made through the real API (as the test profile's API_KEY admin), each with a personal key. */
final class Accounts {

    record TestUser(long id, String username, String password, String key) {}

    private Accounts() {}

    /** A new user with this role and a fresh personal key; the name is unique per call. */
    static TestUser create(int port, String role) {
        String name = role.toLowerCase(java.util.Locale.ROOT) + "-" + Long.toString(System.nanoTime(), 36);
        String password = "password-of-" + name;
        Api admin = new Api(port);
        Api.Reply created = admin.postJson(
                "/api/users",
                "{\"username\": \"" + name + "\", \"password\": \"" + password + "\", \"role\": \"" + role + "\"}");
        if (created.status() != 201) {
            throw new AssertionError("user not created: " + created.status() + " " + created.body());
        }
        long id = created.json().path("id").asLong();
        Api session = Api.anonymous(port);
        logIn(session, name, password);
        Api.Reply key = session.postJsonWithCsrf("/api/me/keys", "{\"name\": \"tests\"}");
        if (key.status() != 201) {
            throw new AssertionError("key not created: " + key.status() + " " + key.body());
        }
        return new TestUser(id, name, password, key.json().path("key").asString());
    }

    /** Logs this client in through the login form; its cookie jar then holds the session. */
    static Api.Reply logIn(Api api, String username, String password) {
        String token = api.csrfToken("/login");
        Api.Reply reply = api.postForm(
                "/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token));
        if (reply.status() == 302 && !reply.header("Location").contains("/login")) {
            api.csrfToken("/profile"); // a login gets a new CSRF token
        }
        return reply;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
