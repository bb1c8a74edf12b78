package app.leadgen.campaigns;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail found in a mailbox's inbox, as far as replies and bounces go: the Message-IDs it answers
 * ({@code In-Reply-To}, {@code References}), whether a machine wrote it (RFC 3834 {@code
 * Auto-Submitted}, out-of-office headers), and, for a delivery status notification (RFC 3464,
 * {@code multipart/report; report-type=delivery-status}), the failed recipient, its status and the
 * original mail's Message-ID (from the returned headers or message, or {@code Original-Message-ID}).
 *
 * @param refersTo Message-IDs (with angle brackets) the mail answers or quotes
 * @param bounce the failure it reports, null when it is no delivery report or reports no failure
 */
record InboundMail(long uid, String from, String subject, Set<String> refersTo, boolean automatic, Bounce bounce) {

    /**
     * A permanent delivery failure ({@code Action: failed}, a {@code 5.x.x} status or none).
     *
     * @param recipient the {@code Final-Recipient} (or {@code Original-Recipient}), null when absent
     * @param originalIds the Message-IDs of the mail that failed, as the report names them
     */
    record Bounce(String recipient, String status, String diagnostic, Set<String> originalIds) {}

    private static final Pattern ID = Pattern.compile("<[^<>\\s]+>");

    static InboundMail of(long uid, Message message) throws MessagingException, IOException {
        Set<String> refs = new LinkedHashSet<>();
        refs.addAll(ids(header(message, "In-Reply-To")));
        refs.addAll(ids(header(message, "References")));
        String autoSubmitted = header(message, "Auto-Submitted");
        boolean automatic = (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no"))
                || header(message, "X-Autoreply") != null
                || header(message, "X-Autorespond") != null
                || "auto_reply".equalsIgnoreCase(strip(header(message, "Precedence")));
        String from =
                message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString();
        Bounce bounce = isReport(message) ? bounce(new MimeMessage((MimeMessage) message)) : null;
        return new InboundMail(uid, from, message.getSubject(), refs, automatic, bounce);
    }

    static boolean isReport(Message message) throws MessagingException {
        if (!message.isMimeType("multipart/report")) {
            return false;
        }
        String type = new ContentType(message.getContentType()).getParameter("report-type");
        return type != null && type.equalsIgnoreCase("delivery-status");
    }

    /** The failure a delivery report names (read from a local copy: one fetch, no part-wise IMAP calls). */
    static Bounce bounce(MimeMessage report) throws MessagingException, IOException {
        if (!(report.getContent() instanceof Multipart parts)) {
            return null;
        }
        Set<String> originals = new LinkedHashSet<>();
        originals.addAll(ids(header(report, "Original-Message-ID")));
        originals.addAll(ids(header(report, "X-Original-Message-ID")));
        Map<String, String> failed = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                failed = firstFailure(text(part.getInputStream()));
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                try (InputStream in = part.getInputStream()) {
                    String[] id = new InternetHeaders(in).getHeader("Message-ID");
                    if (id != null) {
                        originals.addAll(ids(id[0]));
                    }
                }
            }
        }
        if (failed == null) {
            return null;
        }
        String recipient = address(failed.getOrDefault("final-recipient", failed.get("original-recipient")));
        return new Bounce(recipient, failed.get("status"), failed.get("diagnostic-code"), originals);
    }

    /**
     * The first recipient group of a {@code message/delivery-status} body whose action is {@code
     * failed} with a permanent (5.x.x) status or none; a delay or a 4.x.x status is no bounce.
     */
    static Map<String, String> firstFailure(String deliveryStatus) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> group = new LinkedHashMap<>();
        String last = null;
        for (String line : deliveryStatus.split("\\r?\\n")) {
            if (line.isBlank()) {
                if (!group.isEmpty()) {
                    groups.add(group);
                }
                group = new LinkedHashMap<>();
                last = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                group.put(last, group.get(last) + " " + line.strip()); // a folded line
            } else if (line.contains(":")) {
                last = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                group.put(last, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        for (Map<String, String> g : groups) {
            String action = g.get("action");
            String status = g.get("status");
            if (action != null
                    && action.toLowerCase(Locale.ROOT).startsWith("failed")
                    && (status == null || status.startsWith("5"))) {
                return g;
            }
        }
        return null;
    }

    /** The Message-IDs in a header's value, angle brackets kept (as we store ours). */
    static List<String> ids(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        Matcher m = ID.matcher(value);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** {@code rfc822; someone@example.de} → {@code someone@example.de}. */
    private static String address(String typed) {
        if (typed == null) {
            return null;
        }
        String a = typed.contains(";") ? typed.substring(typed.indexOf(';') + 1) : typed;
        a = a.strip().replaceAll("^<|>$", "");
        return a.isEmpty() ? null : a;
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : String.join(" ", values);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(64 * 1024);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
