package app.leadgen.campaigns;

import app.leadgen.outreach.MimeMessages;
import app.leadgen.support.ApiProblem;
import java.util.List;
import java.util.Locale;

/**
 * What {@code POST} and {@code PUT /api/mailboxes} take; a blank password on PUT keeps the stored one
 * (the SMTP one and the IMAP one alike). Without {@code imapHost} the mailbox has no inbox to read
 * replies and bounce reports from.
 */
record MailboxInput(
        String name,
        String kind,
        String host,
        Integer port,
        String user,
        String password,
        String security,
        String fromEmail,
        String fromName,
        String replyTo,
        Integer dailyCap,
        Integer hourlyCap,
        Integer intervalSeconds,
        String imapHost,
        Integer imapPort,
        String imapSecurity,
        String imapUser,
        String imapPassword) {

    /** The input checked and completed (trimmed, defaults from the settings); a 400 problem when it cannot be used. */
    MailboxInput valid(CampaignProperties defaults) {
        MailboxInput in = this;
        String name = trimmed(in.name());
        if (name == null || name.length() > 200) {
            throw ApiProblem.badRequest("problem.mailboxes.name");
        }
        String host = trimmed(in.host());
        if (host == null || host.length() > 255 || !host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw ApiProblem.badRequest("problem.mailboxes.host");
        }
        int port = in.port() == null ? 587 : in.port();
        if (port < 1 || port > 65535) {
            throw ApiProblem.badRequest("problem.mailboxes.port");
        }
        String security =
                in.security() == null ? "starttls" : in.security().strip().toLowerCase(Locale.ROOT);
        if (!List.of("starttls", "ssl", "none").contains(security)) {
            throw ApiProblem.badRequest("problem.mailboxes.security", security);
        }
        String from = trimmed(in.fromEmail());
        if (!"env".equals(host) && (from == null || MimeMessages.address(from) == null)) {
            throw ApiProblem.badRequest("problem.mailboxes.from", from == null ? "" : from);
        }
        String replyTo = trimmed(in.replyTo());
        if (replyTo != null && MimeMessages.address(replyTo) == null) {
            throw ApiProblem.badRequest("problem.mailboxes.from", replyTo);
        }
        int daily = in.dailyCap() == null ? defaults.dailyCap() : in.dailyCap();
        int hourly = in.hourlyCap() == null ? defaults.hourlyCap() : in.hourlyCap();
        int interval = in.intervalSeconds() == null ? defaults.intervalSeconds() : in.intervalSeconds();
        if (daily < 1 || daily > 100_000 || hourly < 1 || hourly > 10_000 || interval < 0 || interval > 86_400) {
            throw ApiProblem.badRequest("problem.mailboxes.pacing");
        }
        String password = in.password() == null || in.password().isBlank() ? null : in.password();
        Imap imap = imap(in);
        return new MailboxInput(
                name,
                in.kind(),
                host,
                port,
                trimmed(in.user()),
                password,
                security,
                from,
                trimmed(in.fromName()),
                replyTo,
                daily,
                hourly,
                interval,
                imap.host(),
                imap.port(),
                imap.security(),
                imap.user(),
                imap.password());
    }

    /** {@code imapHost} of a checked input that removes the inbox. */
    static final String NO_INBOX = "";

    private record Imap(String host, Integer port, String security, String user, String password) {}

    /**
     * The inbox's settings checked; SSL on 993 unless said otherwise. Without {@code imapHost} the
     * stored inbox stays as it is (a client that knows nothing of inboxes keeps them); an empty one
     * removes it ({@link #NO_INBOX}).
     */
    private static Imap imap(MailboxInput in) {
        if (in.imapHost() == null) {
            return new Imap(null, null, null, null, null);
        }
        String host = trimmed(in.imapHost());
        if (host == null) {
            return new Imap(NO_INBOX, null, null, null, null);
        }
        if (host.length() > 255 || !host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw ApiProblem.badRequest("problem.mailboxes.imap-host");
        }
        String security = in.imapSecurity() == null || in.imapSecurity().isBlank()
                ? "ssl"
                : in.imapSecurity().strip().toLowerCase(Locale.ROOT);
        if (!List.of("starttls", "ssl", "none").contains(security)) {
            throw ApiProblem.badRequest("problem.mailboxes.security", security);
        }
        int port = in.imapPort() == null ? (security.equals("ssl") ? 993 : 143) : in.imapPort();
        if (port < 1 || port > 65535) {
            throw ApiProblem.badRequest("problem.mailboxes.port");
        }
        String password = in.imapPassword() == null || in.imapPassword().isBlank() ? null : in.imapPassword();
        return new Imap(host, port, security, trimmed(in.imapUser()), password);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
