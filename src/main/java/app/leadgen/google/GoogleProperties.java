package app.leadgen.google;

import app.leadgen.support.Texts;
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
        return !Texts.blank(clientId) && !Texts.blank(clientSecret) && !Texts.blank(refreshToken);
    }
}
