package app.leadgen.outreach;

import app.leadgen.tracking.TrackedMail;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The two parts of an outgoing mail, made from the plain text a person wrote or approved: the text
 * as it is, and HTML with the text escaped (drafts may quote scraped text) in paragraphs. Both end in
 * the footer every mail has (the sender's postal address when {@code SENDER_POSTAL_ADDRESS} is set,
 * and a visible unsubscribe link); with tracking on, the HTML part's links of the mail are wrapped
 * for click tracking and a 1×1 open pixel is added. The text part is never rewritten.
 */
final class MailBody {

    /** The same links {@code MailTracking.linksIn} finds (trailing sentence punctuation is not part of one). */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    static final String UNSUBSCRIBE_TEXT = "Sie möchten keine E-Mails mehr von uns erhalten? Hier abmelden:";
    static final String UNSUBSCRIBE_LINK = "Hier abmelden";
    static final String UNSUBSCRIBE_QUESTION = "Sie möchten keine E-Mails mehr von uns erhalten?";

    private MailBody() {}

    static String text(String body, String postalAddress, TrackedMail mail) {
        return text(body, postalAddress, null, mail);
    }

    /** As above, with a campaign's notice where the address was found (GDPR Art. 14) after the postal address. */
    static String text(String body, String postalAddress, String notice, TrackedMail mail) {
        StringBuilder text = new StringBuilder(body.strip()).append("\n\n-- \n");
        if (postalAddress != null && !postalAddress.isBlank()) {
            text.append(lines(postalAddress)).append('\n');
        }
        if (notice != null && !notice.isBlank()) {
            text.append(notice.strip()).append('\n');
        }
        return text.append(UNSUBSCRIBE_TEXT)
                .append(' ')
                .append(mail.unsubscribeUrl())
                .toString();
    }

    static String html(String body, String postalAddress, TrackedMail mail, boolean track) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: Georgia, serif;\">");
        for (String paragraph : body.strip().split("\\R{2,}")) {
            html.append("<p>")
                    .append(track ? withLinks(paragraph, mail) : escape(paragraph))
                    .append("</p>");
        }
        return html.append(footer(postalAddress, mail, track))
                .append("</body></html>")
                .toString();
    }

    /** The footer of the HTML part (postal address, unsubscribe link) and, with {@code pixel}, the open pixel. */
    static String footer(String postalAddress, TrackedMail mail, boolean pixel) {
        return footer(postalAddress, null, mail, pixel);
    }

    /** As above, with a campaign's notice where the address was found (GDPR Art. 14) after the postal address. */
    static String footer(String postalAddress, String notice, TrackedMail mail, boolean pixel) {
        StringBuilder html = new StringBuilder("<p style=\"margin-top:24px;font-size:12px;color:#666666;\">");
        if (postalAddress != null && !postalAddress.isBlank()) {
            html.append(escape(lines(postalAddress))).append("<br>");
        }
        if (notice != null && !notice.isBlank()) {
            html.append(escape(notice.strip())).append("<br>");
        }
        html.append(HtmlUtils.htmlEscape(UNSUBSCRIBE_QUESTION, "UTF-8"))
                .append(" <a href=\"")
                .append(HtmlUtils.htmlEscape(mail.unsubscribeUrl(), "UTF-8"))
                .append("\">")
                .append(HtmlUtils.htmlEscape(UNSUBSCRIBE_LINK, "UTF-8"))
                .append("</a></p>");
        if (pixel) {
            html.append("<img src=\"")
                    .append(HtmlUtils.htmlEscape(mail.openUrl(), "UTF-8"))
                    .append("\" width=\"1\" height=\"1\" alt=\"\" style=\"border:0;\">");
        }
        return html.toString();
    }

    /** The paragraph escaped, its tracked links as anchors to their click URLs. */
    private static String withLinks(String paragraph, TrackedMail mail) {
        StringBuilder out = new StringBuilder();
        Matcher m = LINK.matcher(paragraph);
        int at = 0;
        while (m.find()) {
            String link = m.group().replaceFirst("[.,;:!?)\\]}]+$", "");
            int end = m.start() + link.length();
            out.append(escape(paragraph.substring(at, m.start())));
            if (mail.links().contains(link)) {
                out.append("<a href=\"")
                        .append(HtmlUtils.htmlEscape(mail.clickUrl(link), "UTF-8"))
                        .append("\">")
                        .append(HtmlUtils.htmlEscape(link, "UTF-8"))
                        .append("</a>");
            } else {
                out.append(escape(link));
            }
            at = end;
        }
        return out.append(escape(paragraph.substring(at))).toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8").replaceAll("\\R", "<br>");
    }

    /** {@code SENDER_POSTAL_ADDRESS} is one line in an environment; a literal \n in it starts a new line. */
    private static String lines(String postalAddress) {
        return postalAddress.strip().replace("\\n", "\n");
    }
}
