package app.leadgen.support.http;

import java.time.Duration;

/**
 * One vendor's client settings.
 *
 * @param service short name in failures and the run ledger ({@code apify}, {@code places})
 * @param label the vendor's name in messages ("Google Places")
 * @param maxConnections pool size (total and per route: every vendor is one host)
 * @param readTimeout the longest wait for the answer, and between two packets of it
 * @param maxBodyBytes a larger answer is {@code MALFORMED}, not read into memory
 */
public record HttpSettings(
        String service,
        String label,
        int maxConnections,
        Duration connectTimeout,
        Duration readTimeout,
        int maxBodyBytes) {}
