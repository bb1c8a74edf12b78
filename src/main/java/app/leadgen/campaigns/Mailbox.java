package app.leadgen.campaigns;

import java.time.Instant;

/**
 * A mailbox as the API shows it: never its password, only whether one is stored.
 *
 * @param kind {@code smtp} or {@code gmail}
 * @param fromEnv its settings come from the environment ({@code BREVO_SMTP_*}, {@code FROM_*}, {@code GMAIL_*})
 */
public record Mailbox(
        long id,
        String name,
        String kind,
        boolean fromEnv,
        String host,
        Integer port,
        String user,
        boolean passwordSet,
        String security,
        String fromEmail,
        String fromName,
        String replyTo,
        int dailyCap,
        int hourlyCap,
        int intervalSeconds,
        Instant lastSendAt,
        Instant createdAt,
        Instant updatedAt) {}
