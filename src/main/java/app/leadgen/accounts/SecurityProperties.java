package app.leadgen.accounts;

import java.net.URI;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Logins and the door of the app.
 *
 * @param apiKey {@code API_KEY}: a key that acts as an admin (seed 002 §8); empty: none
 * @param adminUsername {@code ADMIN_USERNAME}: the first admin, created when no user exists
 * @param adminPassword {@code ADMIN_PASSWORD}
 * @param appUrl {@code APP_URL}: the address people use; its host is accepted in the Host header
 *     and an {@code https} address makes the session cookie {@code Secure}
 * @param exportsPerUser exports one user may have running at once (more: 429)
 * @param maxBody largest request body except file uploads (JSON, forms)
 */
@ConfigurationProperties("leadgen.security")
record SecurityProperties(
        String apiKey,
        String adminUsername,
        String adminPassword,
        String appUrl,
        @DefaultValue("2") int exportsPerUser,
        @DefaultValue("1MB") DataSize maxBody) {

    boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** The host of {@code APP_URL}, lower-case, or null. */
    String appHost() {
        if (appUrl == null || appUrl.isBlank()) {
            return null;
        }
        String host = URI.create(appUrl.strip()).getHost();
        return host == null ? null : host.toLowerCase(Locale.ROOT);
    }

    boolean appUrlIsHttps() {
        return appUrl != null && appUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }
}
