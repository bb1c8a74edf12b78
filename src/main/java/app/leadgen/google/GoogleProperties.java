package app.leadgen.google;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code GMAIL_*}, {@code GOOGLE_TOKEN_URL} and {@code SHEETS_BASE_URL}. */
@ConfigurationProperties("leadgen.google")
public record GoogleProperties(
        String clientId,
        String clientSecret,
        String refreshToken,
        String tokenUrl,
        String gmailBaseUrl,
        String sheetsBaseUrl,
        String sender,
        Duration timeout) {

    public boolean configured() {
        return notBlank(clientId) && notBlank(clientSecret) && notBlank(refreshToken);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
