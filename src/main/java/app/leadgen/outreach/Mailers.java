package app.leadgen.outreach;

import app.leadgen.outreach.smtp.SmtpSenders;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The mail providers for campaigns: the ones of the environment by kind ({@code smtp} from {@code
 * BREVO_SMTP_*}, {@code gmail} from {@code GMAIL_*}) and an SMTP sender for a mailbox a person added.
 */
@Component
public class Mailers {

    private final List<MailSender> senders;

    Mailers(List<MailSender> senders) {
        this.senders = senders;
    }

    /** The environment's provider of this kind, when it is set up. */
    public Optional<MailSender> configured(String kind) {
        return senders.stream()
                .filter(s -> s.kind().equals(kind) && s.configured())
                .findFirst();
    }

    public MailSender smtp(SmtpAccount account) {
        return SmtpSenders.of(account);
    }
}
