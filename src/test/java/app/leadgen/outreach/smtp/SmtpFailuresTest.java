package app.leadgen.outreach.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.outreach.MailSender;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** How Jakarta Mail's exceptions become failures the sender decides on: bounce, login, retry. */
class SmtpFailuresTest {

    @Test
    void aRecipientRefusedWithA5xxIsAHardBounceA4xxIsRetried() throws Exception {
        InternetAddress to = new InternetAddress("x@y.de");
        SendFailedException unknown = new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO:<x@y.de>", 550, "550 5.1.1 User unknown"));
        ExternalServiceException bounce = SmtpMailSender.failure(unknown);
        assertThat(bounce.errorType()).isEqualTo(MailSender.HARD_BOUNCE);
        assertThat(bounce.status()).isEqualTo(550);
        assertThat(bounce.retryable()).isFalse();

        SendFailedException busy = new SendFailedException(
                "Invalid Addresses", new SMTPAddressFailedException(to, "RCPT TO:<x@y.de>", 451, "451 4.3.0 later"));
        assertThat(SmtpMailSender.failure(busy).retryable()).isTrue();
        assertThat(SmtpMailSender.failure(busy).errorType()).isEqualTo("temporary");
    }

    @Test
    void afterTheDataOnlyAMailboxStatusIsABounce() {
        var mailbox = new SMTPSendFailedException("DATA", 550, "550 5.2.1 Mailbox disabled", null, null, null, null);
        var spam =
                new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message rejected as spam", null, null, null, null);
        assertThat(SmtpMailSender.failure(mailbox).errorType()).isEqualTo(MailSender.HARD_BOUNCE);
        assertThat(SmtpMailSender.failure(spam).errorType()).isEqualTo("rejected");
        assertThat(SmtpMailSender.failure(spam).retryable()).isFalse();
    }

    @Test
    void loginAndConnectionFailures() {
        assertThat(SmtpMailSender.failure(new AuthenticationFailedException("535 5.7.8 bad credentials"))
                        .kind())
                .isEqualTo(FailureKind.CREDENTIALS);
        ExternalServiceException refused =
                SmtpMailSender.failure(new MessagingException("Couldn't connect", new ConnectException("refused")));
        assertThat(refused.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(refused.retryable()).isTrue();
        assertThat(SmtpMailSender.failure(new MessagingException("timeout", new SocketTimeoutException("read")))
                        .kind())
                .isEqualTo(FailureKind.TIMEOUT);
    }
}
