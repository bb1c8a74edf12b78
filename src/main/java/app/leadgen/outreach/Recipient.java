package app.leadgen.outreach;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Who a mail goes to: an Instagram lead (by username), a lead-book contact (by id), or both for an
 * Instagram account in the book. The send slot is claimed by the contact when there is one, else by
 * the username, so both ways to the same person share one "sent once" rule.
 *
 * @param label how problems name the recipient ({@code @bakery_berlin}, {@code info@baeckerei.de})
 * @param emailCheck the DNS check of {@code email}; {@code no_domain} is never written to
 * @param keepDraft stores subject and body before sending, so a failed send keeps them
 * @param markSent records the send with the recipient
 */
record Recipient(
        String label,
        String username,
        Long contactId,
        String email,
        String emailCheck,
        BiConsumer<String, String> keepDraft,
        Consumer<Instant> markSent) {}
