package app.leadgen.outreach;

/**
 * An SMTP mailbox's settings, as {@code BREVO_SMTP_*} and {@code FROM_*} give them for the default one.
 *
 * @param security {@code starttls} | {@code ssl} | {@code none}
 */
public record SmtpAccount(
        String host,
        int port,
        String user,
        String password,
        String security,
        String fromEmail,
        String fromName,
        String replyTo) {

    @Override
    public String toString() {
        // the password never reaches a log line
        return "SmtpAccount[host=" + host + ", port=" + port + ", user=" + user + "]";
    }
}
