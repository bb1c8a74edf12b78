package app.leadgen.campaigns;

import java.time.Instant;

/**
 * A message of a campaign (issue #12's shape, a contract), plus its body, the last error and when it
 * may go out ({@code dueAt}: a follow-up's delay or a retry's back-off).
 *
 * @param status DRAFTED, APPROVED, QUEUED, SENDING, SENT, FAILED, SKIPPED, UNKNOWN
 * @param skipReason {@code unsubscribed}, {@code suppressed}, {@code bounced}, {@code cooldown},
 *     {@code no_domain}, {@code no_address}, {@code replied}, {@code previous_step}
 */
record Message(
        long id,
        long campaignId,
        long contactId,
        int step,
        String to,
        String subject,
        String body,
        String status,
        String skipReason,
        String error,
        Instant dueAt,
        Instant sentAt,
        String messageId) {}
