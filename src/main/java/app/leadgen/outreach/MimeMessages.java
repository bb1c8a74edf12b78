package app.leadgen.outreach;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds RFC 5322 messages with Jakarta Mail: UTF-8 text and an HTML alternative, non-ASCII headers
 * encoded per RFC 2047, a Date and a Message-ID of our own (so replies can be matched later).
 */
public final class MimeMessages {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeMessages() {}

    /** Strictly parses one address; null when it is not a valid single address. */
    public static InternetAddress address(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            InternetAddress a = new InternetAddress(text.strip(), true);
            a.validate();
            return a.getAddress().contains("@") ? a : null;
        } catch (AddressException e) {
            return null;
        }
    }

    public static OutgoingMail build(String from, InternetAddress to, String subject, String body, Instant now) {
        String domain = from != null && from.contains("@") ? from.substring(from.indexOf('@') + 1) : "leadgen.local";
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        try {
            MimeMessage message = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            if (from != null && !from.isBlank()) {
                message.setFrom(new InternetAddress(from, true));
            }
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(now));
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(html(body), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return new OutgoingMail(to.getAddress(), subject, messageId, out.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("cannot build the message: " + e.getMessage(), e);
        }
    }

    /** The plain text as HTML: escaped (drafts may quote scraped text), paragraphs and line breaks kept. */
    static String html(String body) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: Georgia, serif;\">");
        for (String paragraph : body.strip().split("\\R{2,}")) {
            html.append("<p>")
                    .append(HtmlUtils.htmlEscape(paragraph).replaceAll("\\R", "<br>"))
                    .append("</p>");
        }
        return html.append("</body></html>").toString();
    }
}
