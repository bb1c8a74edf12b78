package app.leadgen.outreach.smtp;

import app.leadgen.outreach.MailSender;
import app.leadgen.outreach.SmtpAccount;
import java.time.Duration;

/** Makes an SMTP sender for a mailbox a person added (campaigns), beside the one of {@code BREVO_SMTP_*}. */
public final class SmtpSenders {

    private SmtpSenders() {}

    public static MailSender of(SmtpAccount account) {
        return new SmtpMailSender(new SmtpProperties(
                account.host(),
                account.port(),
                account.user(),
                account.password(),
                account.security(),
                account.fromEmail(),
                account.fromName(),
                account.replyTo(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60)));
    }
}
