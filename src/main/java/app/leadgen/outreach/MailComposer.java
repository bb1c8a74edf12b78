package app.leadgen.outreach;

import app.leadgen.tracking.TrackedMail;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Builds a mail from an HTML body (a campaign's template or an LLM's {@code body_html}): the HTML
 * cleaned to a safe subset, the text part made from it, both ending in the footer every mail has
 * (postal address, a campaign's source notice, unsubscribe link), the RFC 8058 List-Unsubscribe headers, and, when the campaign
 * tracks, wrapped links and the open pixel. The public face of this module's mail pieces for campaigns.
 */
public final class MailComposer {

    private static final Safelist SAFE = Safelist.relaxed().removeTags("img");

    private MailComposer() {}

    /** The body as it will be sent (scripts, styles, images and event attributes removed). */
    public static String clean(String bodyHtml) {
        return Jsoup.clean(bodyHtml == null ? "" : bodyHtml, SAFE);
    }

    /** The http(s) links of the body's anchors, each once: what a click may lead to. */
    public static List<String> links(String bodyHtml) {
        Set<String> links = new LinkedHashSet<>();
        for (Element a : Jsoup.parseBodyFragment(clean(bodyHtml)).select("a[href]")) {
            String href = a.attr("href").strip();
            if (href.startsWith("http://") || href.startsWith("https://")) {
                links.add(href);
            }
        }
        return List.copyOf(links);
    }

    /** The body's text ({@link HtmlText}): paragraphs apart by a blank line, a link's address after its words. */
    public static String text(String bodyHtml) {
        return HtmlText.of(clean(bodyHtml));
    }

    /**
     * The finished message.
     *
     * @param tracked started with {@link #links} of the body, so the wrapped links redirect
     * @param postalAddress {@code SENDER_POSTAL_ADDRESS}
     */
    public static OutgoingMail compose(
            MailSender sender,
            InternetAddress to,
            String subject,
            String bodyHtml,
            String postalAddress,
            TrackedMail tracked,
            boolean trackOpens,
            boolean trackClicks,
            Instant now) {
        return compose(sender, to, subject, bodyHtml, postalAddress, tracked, trackOpens, trackClicks, List.of(), now);
    }

    /** As above, with files attached (the PDF proposal, a brochure). */
    public static OutgoingMail compose(
            MailSender sender,
            InternetAddress to,
            String subject,
            String bodyHtml,
            String postalAddress,
            TrackedMail tracked,
            boolean trackOpens,
            boolean trackClicks,
            List<Attachment> attachments,
            Instant now) {
        return compose(
                sender, to, subject, bodyHtml, postalAddress, null, tracked, trackOpens, trackClicks, attachments, now);
    }

    /**
     * As above; {@code sourceNotice} (null: none) is a campaign's notice where the address was found
     * (GDPR Art. 14), in the footer of both parts after the postal address.
     */
    public static OutgoingMail compose(
            MailSender sender,
            InternetAddress to,
            String subject,
            String bodyHtml,
            String postalAddress,
            String sourceNotice,
            TrackedMail tracked,
            boolean trackOpens,
            boolean trackClicks,
            List<Attachment> attachments,
            Instant now) {
        Document doc = Jsoup.parseBodyFragment(clean(bodyHtml));
        if (trackClicks) {
            for (Element a : doc.select("a[href]")) {
                String href = a.attr("href").strip();
                if (tracked.links().contains(href)) {
                    a.attr("href", tracked.clickUrl(href));
                }
            }
        }
        doc.outputSettings().prettyPrint(false);
        String html = "<!DOCTYPE html><html><body style=\"font-family: Georgia, serif;\">"
                + doc.body().html()
                + MailBody.footer(postalAddress, sourceNotice, tracked, trackOpens)
                + "</body></html>";
        String text = MailBody.text(text(bodyHtml), postalAddress, sourceNotice, tracked);
        return MimeMessages.build(
                new MimeMessages.From(sender.sender(), sender.senderName(), sender.replyTo()),
                to,
                subject,
                text,
                html,
                SendService.unsubscribeHeaders(tracked, sender),
                attachments,
                now);
    }
}
