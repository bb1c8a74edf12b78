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
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/**
 * Builds a mail from an HTML body (a campaign's template or an LLM's {@code body_html}): the HTML
 * cleaned to a safe subset, the text part made from it, both ending in the footer every mail has
 * (postal address, unsubscribe link), the RFC 8058 List-Unsubscribe headers, and, when the campaign
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

    /** The body's text: paragraphs apart by a blank line, a link's address after its words. */
    public static String text(String bodyHtml) {
        Document doc = Jsoup.parseBodyFragment(clean(bodyHtml));
        StringBuilder out = new StringBuilder();
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e) {
                    switch (e.normalName()) {
                        case "br" -> out.append('\n');
                        case "li" -> out.append("\n- ");
                        case "p", "div", "h1", "h2", "h3", "h4", "ul", "ol", "table", "tr" -> paragraph(out);
                        default -> {}
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        String href = e.attr("href").strip();
                        if (!href.isEmpty() && !href.equals(e.text().strip())) {
                            out.append(" (").append(href).append(')');
                        }
                    } else if (List.of("p", "div", "h1", "h2", "h3", "h4", "ul", "ol", "table")
                            .contains(e.normalName())) {
                        paragraph(out);
                    }
                }
            }
        });
        return out.toString()
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private static void paragraph(StringBuilder out) {
        int n = out.length();
        if (n > 0 && !(n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n')) {
            out.append(out.charAt(n - 1) == '\n' ? "\n" : "\n\n");
        }
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
                + MailBody.footer(postalAddress, tracked, trackOpens)
                + "</body></html>";
        String text = MailBody.text(text(bodyHtml), postalAddress, tracked);
        return MimeMessages.build(
                new MimeMessages.From(sender.sender(), sender.senderName(), sender.replyTo()),
                to,
                subject,
                text,
                html,
                SendService.unsubscribeHeaders(tracked, sender),
                now);
    }
}
