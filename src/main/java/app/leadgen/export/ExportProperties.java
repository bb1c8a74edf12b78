package app.leadgen.export;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadgen.export.*}: the zone in which times are written (a spreadsheet cell has no zone),
 * rows per database page, and how the Google Sheet is filled.
 *
 * @param pageSize rows the database sends at a time, and rows per chunk handed to a writer
 * @param atOnce {@code EXPORTS_AT_ONCE}: exports running at once over all users; the next one gets 429
 * @param sheetsMaxRetryWait a longer {@code Retry-After} is not waited for inside the user's
 *     request: the export fails at once with 503 and passes the wait on
 */
@ConfigurationProperties("leadgen.export")
record ExportProperties(
        ZoneId timeZone,
        int pageSize,
        int sheetsChunkRows,
        int sheetsMaxAttempts,
        Duration sheetsInitialBackoff,
        Duration sheetsMaxRetryWait,
        int atOnce) {}
