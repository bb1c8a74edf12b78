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

    private static final Session SESSION = Session.getInstance(session());

    private MimeMessages() {}

    private static Properties session() {
        Properties p = new Properties();
        // „Bäckerei_Müller_Angebot.pdf" as RFC 2231 filename*=UTF-8''…, which every current client reads
        p.setProperty("mail.mime.encodeparameters", "true");
        return p;
    }

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

    /**
     * Who a mail is from: the address (null: the provider's account decides, as Gmail does), a display
     * name (RFC 2047 encoded when it is not ASCII) and a Reply-To address; both may be null.
     */
    public record From(String address, String name, String replyTo) {}

    /** A plain-text mail: the HTML alternative is made from the text (as before tracking existed). */
    public static OutgoingMail build(String from, InternetAddress to, String subject, String body, Instant now) {
        return build(new From(from, null, null), to, subject, body, html(body), java.util.Map.of(), now);
    }

    /**
     * A {@code multipart/alternative} message of a text and an HTML part, with a Date, our own
     * Message-ID and these extra headers (List-Unsubscribe …), written as its RFC 5322 bytes.
     */
    public static OutgoingMail build(
            From from,
            InternetAddress to,
            String subject,
            String text,
            String html,
            java.util.Map<String, String> headers,
            Instant now) {
        return build(from, to, subject, text, html, headers, java.util.List.of(), now);
    }

    /**
     * As above; with attachments the message is {@code multipart/mixed}: the text/HTML alternative
     * first, then each file as a named attachment (file names RFC 2231 encoded when not ASCII).
     */
    public static OutgoingMail build(
            From from,
            InternetAddress to,
            String subject,
            String text,
            String html,
            java.util.Map<String, String> headers,
            java.util.List<Attachment> attachments,
            Instant now) {
        String address = from.address();
        String domain = address != null && address.contains("@")
                ? address.substring(address.indexOf('@') + 1)
                : "leadgen.local";
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        try {
            MimeMessage message = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            if (address != null && !address.isBlank()) {
                InternetAddress sender = new InternetAddress(address, true);
                if (from.name() != null && !from.name().isBlank()) {
                    sender.setPersonal(from.name().strip(), "UTF-8");
                }
                message.setFrom(sender);
            }
            if (from.replyTo() != null && !from.replyTo().isBlank()) {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(from.replyTo(), true)});
            }
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(now));
            for (var header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8", "plain");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart);
            alternative.addBodyPart(htmlPart);
            if (attachments.isEmpty()) {
                message.setContent(alternative);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                mixed.addBodyPart(body);
                for (Attachment a : attachments) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new jakarta.activation.DataHandler(
                            new jakarta.mail.util.ByteArrayDataSource(a.content(), a.contentType())));
                    file.setFileName(a.fileName());
                    file.setDisposition(jakarta.mail.Part.ATTACHMENT);
                    mixed.addBodyPart(file);
                }
                message.setContent(mixed);
            }
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
