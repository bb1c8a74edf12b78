package app.leadgen.outreach.smtp;

import app.leadgen.outreach.MailSender;
import app.leadgen.outreach.OutgoingMail;
import app.leadgen.outreach.SentMail;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.SocketTimeoutException;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sends through an SMTP server with Jakarta Mail (Angus): one connection per mail (the one-by-one
 * send is rare; a campaign's loop may keep one open later), the message's bytes as built, so its
 * Message-ID and headers stay ours. First in the order: with {@code BREVO_SMTP_HOST} set it sends
 * instead of Gmail.
 *
 * <p>What the server answers decides the failure: a 5xx for the recipient ({@code RCPT TO}, or a
 * {@code 5.1.x}/{@code 5.2.x} status after the data) is a hard bounce ({@link MailSender#HARD_BOUNCE},
 * the caller suppresses the address); a refused login is {@code CREDENTIALS}; a 4xx, a timeout or a
 * lost connection is retryable; any other 5xx is a permanent refusal of this mail.
 */
@Component
@Order(1)
class SmtpMailSender implements MailSender {

    private final SmtpProperties properties;

    SmtpMailSender(SmtpProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public String sender() {
        return blankToNull(properties.fromEmail());
    }

    @Override
    public String senderName() {
        return blankToNull(properties.fromName());
    }

    @Override
    public String replyTo() {
        return blankToNull(properties.replyTo());
    }

    @Override
    public String kind() {
        return "smtp";
    }

    @Override
    public void test() {
        Session session = Session.getInstance(sessionProperties());
        try (Transport transport = session.getTransport(properties.security().equals("ssl") ? "smtps" : "smtp")) {
            transport.connect(
                    properties.host(),
                    properties.port(),
                    properties.authenticates() ? properties.user() : null,
                    properties.authenticates() ? properties.password() : null);
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    @Override
    public SentMail send(OutgoingMail mail) {
        Session session = Session.getInstance(sessionProperties());
        try (Transport transport = session.getTransport(properties.security().equals("ssl") ? "smtps" : "smtp")) {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(mail.rfc5322()));
            transport.connect(
                    properties.host(),
                    properties.port(),
                    properties.authenticates() ? properties.user() : null,
                    properties.authenticates() ? properties.password() : null);
            transport.sendMessage(message, message.getAllRecipients());
            String answer = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
            return new SentMail(answer == null ? null : cut(answer.strip(), 200), null);
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    private Properties sessionProperties() {
        Properties p = new Properties();
        String protocol = properties.security().equals("ssl") ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", properties.host());
        p.put(prefix + "port", String.valueOf(properties.port()));
        p.put(prefix + "auth", String.valueOf(properties.authenticates()));
        p.put(
                prefix + "connectiontimeout",
                String.valueOf(properties.connectTimeout().toMillis()));
        p.put(prefix + "timeout", String.valueOf(properties.timeout().toMillis()));
        p.put(prefix + "writetimeout", String.valueOf(properties.timeout().toMillis()));
        if (properties.security().equals("starttls")) {
            // required, not opportunistic: the login never goes over a plain connection
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
            p.put(prefix + "ssl.checkserveridentity", "true");
        } else if (properties.security().equals("ssl")) {
            p.put(prefix + "ssl.enable", "true");
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    /** The server's answer as a failure the caller can decide on (see the class comment). */
    static ExternalServiceException failure(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return failed(FailureKind.CREDENTIALS, 535, "auth", e.getMessage(), false);
        }
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException rcpt) {
                int code = rcpt.getReturnCode();
                return code >= 500
                        ? failed(FailureKind.BAD_REQUEST, code, HARD_BOUNCE, text(rcpt), false)
                        : failed(FailureKind.UNAVAILABLE, code, "temporary", text(rcpt), true);
            }
            if (x instanceof SMTPSenderFailedException from) {
                int code = from.getReturnCode();
                return code == 530 || code == 535 || code == 534
                        ? failed(FailureKind.CREDENTIALS, code, "auth", text(from), false)
                        : code >= 500
                                ? failed(FailureKind.BAD_REQUEST, code, "rejected", text(from), false)
                                : failed(FailureKind.UNAVAILABLE, code, "temporary", text(from), true);
            }
            if (x instanceof SMTPSendFailedException data) {
                int code = data.getReturnCode();
                String answer = text(data);
                if (code >= 500) {
                    // 5.1.x: bad mailbox or domain; 5.2.x: mailbox unavailable (RFC 3463)
                    boolean recipient = answer.matches("(?s).*\\b5\\.[12]\\.\\d+\\b.*");
                    return failed(FailureKind.BAD_REQUEST, code, recipient ? HARD_BOUNCE : "rejected", answer, false);
                }
                if (code >= 400) {
                    return failed(FailureKind.UNAVAILABLE, code, "temporary", answer, true);
                }
            }
        }
        if (hasCause(e, SocketTimeoutException.class)) {
            return failed(FailureKind.TIMEOUT, 0, "timeout", e.getMessage(), true);
        }
        // no SMTP answer at all: the server could not be reached or the connection broke
        return failed(FailureKind.UNAVAILABLE, 0, "connection", e.getMessage(), true);
    }

    private static ExternalServiceException failed(
            FailureKind kind, int code, String type, String message, boolean retryable) {
        return new ExternalServiceException(
                "smtp", kind, code, type, message == null ? type : cut(message.strip(), 500), retryable, null);
    }

    /** The server's own words ({@code 550 5.1.1 <x@y.de>: Recipient address rejected}) without the library's. */
    private static String text(MessagingException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.strip();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
