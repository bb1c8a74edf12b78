package app.leadgen.websites;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code WEBSITE_*} settings for fetching prospect websites and reading contacts from them.
 *
 * @param allowPrivate fetch private, loopback and link-local addresses on any port; only for tests
 *     and local development ({@code WEBSITE_FETCH_ALLOW_PRIVATE}), never in production
 * @param maxPages contact pages (Impressum, Kontakt, …) fetched per site besides the home page
 * @param connectTimeout TCP connect timeout per hop
 * @param readTimeout longest silence while waiting for headers or body bytes
 * @param pageTimeout deadline for one page including its redirects, so a trickling server cannot
 *     hold a worker for long
 * @param maxRedirects redirects followed per page; each hop is checked like the first
 * @param maxBodySize bytes read per page; larger pages are cut off and reported as too large
 * @param maxConnections connections kept open across all sites
 * @param userAgent sent with every request
 * @param phoneRegion ISO 3166 region for numbers written without country code ({@code DE})
 * @param dnsTimeout timeout of one MX/A lookup for an e-mail domain
 */
@ConfigurationProperties("leadgen.websites")
public record WebsitesProperties(
        boolean allowPrivate,
        int maxPages,
        Duration connectTimeout,
        Duration readTimeout,
        Duration pageTimeout,
        int maxRedirects,
        DataSize maxBodySize,
        int maxConnections,
        String userAgent,
        String phoneRegion,
        Duration dnsTimeout) {}
