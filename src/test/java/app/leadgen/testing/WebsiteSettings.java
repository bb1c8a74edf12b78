package app.leadgen.testing;

import app.leadgen.websites.WebsitesProperties;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** {@link WebsitesProperties} for tests: short timeouts so a slow site fails fast. */
public final class WebsiteSettings {

    private WebsiteSettings() {}

    /** allow-private on: pages are served from loopback. */
    public static WebsitesProperties local() {
        return of(true, DataSize.ofKilobytes(256));
    }

    /** allow-private off, as in production. */
    public static WebsitesProperties production() {
        return of(false, DataSize.ofKilobytes(256));
    }

    public static WebsitesProperties of(boolean allowPrivate, DataSize maxBody) {
        return of(allowPrivate, maxBody, Duration.ofSeconds(5));
    }

    public static WebsitesProperties of(boolean allowPrivate, DataSize maxBody, Duration pageTimeout) {
        return new WebsitesProperties(
                allowPrivate,
                4,
                Duration.ofSeconds(2),
                Duration.ofMillis(500),
                pageTimeout,
                5,
                maxBody,
                16,
                "LeadGen-Test",
                "DE",
                Duration.ofSeconds(1));
    }
}
