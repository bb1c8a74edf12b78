package app.leadgen.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, for browser tests of the pages. Create one per test
 * class and close it afterwards; every test gets a fresh {@link #newContext} (own cookies, so its
 * own server-side session). Playwright never downloads a browser: the executable comes from the
 * system property {@code chromium.path} (set by Surefire), default {@code /usr/bin/chromium}.
 */
public final class Browser implements AutoCloseable {

    /** Where {@link #screenshot} writes its files. */
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts Playwright and a headless Chromium. */
    public static Browser launch() {
        Path executable = Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("No Chromium at " + executable
                    + ": install it (apt-get install chromium) or set -Dchromium.path=...");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            var browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(executable)
                            .setHeadless(true)
                            .setArgs(ARGS));
            return new Browser(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh context (no cookies, no storage) with a desktop-sized window and a German browser locale. */
    public BrowserContext newContext() {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1400, 900)
                .setLocale("de-DE")
                .setTimezoneId("Europe/Berlin"));
    }

    /** A fresh context already logged in as the test profile's admin. */
    public BrowserContext loggedIn(int port) {
        BrowserContext context = newContext();
        logIn(context, "http://127.0.0.1:" + port, Api.ADMIN, Api.ADMIN_PASSWORD);
        return context;
    }

    /**
     * Logs the context in through the real login form ({@code POST /login} with the page's CSRF
     * token) without rendering a page: the session cookie lands in the context's cookie jar.
     */
    public static void logIn(BrowserContext context, String base, String username, String password) {
        var login = context.request().get(base + "/login");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(login.text());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the login page: " + login.status());
        }
        var answer = context.request()
                .post(
                        base + "/login",
                        com.microsoft.playwright.options.RequestOptions.create()
                                .setForm(com.microsoft.playwright.options.FormData.create()
                                        .set("username", username)
                                        .set("password", password)
                                        .set("_csrf", token.group(1)))
                                .setMaxRedirects(0));
        String location = answer.headers().getOrDefault("location", "");
        if (answer.status() != 302 || location.contains("/login")) {
            throw new IllegalStateException("login as " + username + " failed: " + answer.status() + " " + location);
        }
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png} and returns its path. */
    public static Path screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
