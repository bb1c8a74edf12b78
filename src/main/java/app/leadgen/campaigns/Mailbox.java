package app.leadgen.campaigns;

import java.time.Instant;

/**
 * A mailbox as the API shows it: never its password, only whether one is stored.
 *
 * @param kind {@code smtp} or {@code gmail}
 * @param fromEnv its settings come from the environment ({@code BREVO_SMTP_*}, {@code FROM_*}, {@code GMAIL_*})
 * @param imapHost the inbox replies and bounce reports are read from (null: none is read)
 * @param imapSecurity {@code ssl} | {@code starttls} | {@code none}
 * @param imapUser the inbox's login (null: the SMTP user, else the sender address)
 * @param imapPasswordSet whether an IMAP password is stored (it is never shown)
 * @param imapCheckedAt the last look at the inbox
 * @param imapError what went wrong at that look (null: it worked); never contains the password
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
        Instant updatedAt,
        String imapHost,
        Integer imapPort,
        String imapSecurity,
        String imapUser,
        boolean imapPasswordSet,
        Instant imapCheckedAt,
        String imapError) {}
