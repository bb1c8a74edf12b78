package app.leadgen.tracking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tracking and unsubscribe links.
 *
 * @param appUrl {@code APP_URL}: the public base URL of the links ({@code https://leads.agentur.de});
 *     empty: the address of the request that sends the mail
 * @param secret {@code TRACKING_SECRET}: the HMAC key of the tokens; empty: a random key made once and
 *     kept in the database, so every instance signs and checks alike
 * @param scannerWindow {@code TRACKING_SCANNER_WINDOW}: a click this soon after sending is a link
 *     scanner's (seed research: scanners fetch links within seconds of delivery)
 * @param ratePerMinute {@code TRACKING_RATE_LIMIT}: requests per minute one IP address may make to
 *     {@code /track/**} and {@code /u/**} (more: 429)
 * @param maxTrackedIps how many addresses the rate limit remembers at once (its memory bound)
 * @param port {@code TRACKING_PORT}: a second port that serves the tracking links alone, at about 1.5
 *     times the rate of the app's port; unset: none ({@code 0}: any free port, for tests)
 */
@ConfigurationProperties("leadgen.tracking")
record TrackingProperties(
        String appUrl,
        String secret,
        @DefaultValue("10s") Duration scannerWindow,
        @DefaultValue("120") int ratePerMinute,
        @DefaultValue("10000") int maxTrackedIps,
        Integer port) {}
