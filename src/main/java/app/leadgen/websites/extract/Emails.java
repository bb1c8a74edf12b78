package app.leadgen.websites.extract;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding, validating and cleaning e-mail addresses. Everything returned is lower case. */
public final class Emails {

    /*
     * The top-level domain is all lower or all upper case, so "info@firma.deTelefon" (two inline
     * elements without a space between them) still ends after "de".
     */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,64})@"
            + "((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+(?:[a-z]{2,24}|[A-Z]{2,24}))"
            + "(?![a-z0-9-])");
    private static final Pattern LOCAL =
            Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TRACKING_ID = Pattern.compile("[0-9a-f]{20,}");

    /** File names that look like addresses: logo@2x.png, bg@3x.webp. */
    private static final Set<String> FILE_ENDINGS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff", "css", "js", "mjs", "json",
            "xml", "php", "html", "htm", "pdf", "mp4", "webm", "woff", "woff2", "ttf", "eot");
    /** Second-level names of placeholder domains in templates and forms. */
    private static final Set<String> PLACEHOLDER_NAMES = Set.of(
            "example",
            "beispiel",
            "domain",
            "yourdomain",
            "your-domain",
            "ihredomain",
            "ihre-domain",
            "musterdomain",
            "mustermann",
            "musterfirma",
            "muster",
            "test-domain");

    private static final Set<String> PLACEHOLDER_LOCALS = Set.of(
            "name",
            "ihre.email",
            "ihreemail",
            "ihre-email",
            "ihre.e-mail",
            "your.email",
            "youremail",
            "your-email",
            "you",
            "vorname.nachname",
            "max.mustermann",
            "maxmustermann",
            "erika.mustermann");
    /** Error trackers and site builders whose addresses appear in page code, never a business's. */
    private static final List<String> TRACKING_DOMAINS =
            List.of("sentry.io", "wixpress.com", "sentry-next.wixpress.com", "sentry.wixpress.com");

    private Emails() {}

    /** Addresses in visible text, after undoing the usual obfuscations. */
    public static List<String> inText(String text) {
        String undone = Obfuscations.undo(text);
        if (undone.indexOf('@') < 0) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(undone);
        while (m.find()) {
            clean(m.group()).filter(e -> !found.contains(e)).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Addresses of a {@code mailto:} link: query ({@code ?subject=…}) cut off, percent-escapes
     * decoded ({@code +} stays a plus), several recipients split.
     */
    public static List<String> fromMailto(String href) {
        String value = href.trim();
        if (!value.regionMatches(true, 0, "mailto:", 0, 7)) {
            return List.of();
        }
        value = value.substring(7);
        int query = value.indexOf('?');
        if (query >= 0) {
            value = value.substring(0, query);
        }
        List<String> found = new ArrayList<>();
        for (String part : percentDecode(value).split("[,;]")) {
            clean(part).filter(e -> !found.contains(e)).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The address in canonical form (trimmed, lower case, IDN domain as Unicode), or empty when it
     * is not a syntactically valid address or an obvious non-address (file name, placeholder,
     * tracking id).
     */
    public static Optional<String> clean(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String address = Obfuscations.undo(raw.trim()).toLowerCase(Locale.ROOT);
        if (address.startsWith("mailto:")) {
            address = address.substring(7);
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at != address.indexOf('@') || address.length() > 254) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || !validDomain(domain)) {
            return Optional.empty();
        }
        return junk(local, domain) ? Optional.empty() : Optional.of(local + "@" + domain);
    }

    private static boolean validDomain(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        return tld.startsWith("xn--") || tld.chars().allMatch(Character::isLetter) && tld.length() >= 2;
    }

    private static boolean junk(String local, String domain) {
        String[] labels = domain.split("\\.");
        String tld = labels[labels.length - 1];
        String name = labels[labels.length - 2];
        return FILE_ENDINGS.contains(tld)
                || PLACEHOLDER_NAMES.contains(name)
                || PLACEHOLDER_LOCALS.contains(local)
                || TRACKING_ID.matcher(local).matches()
                || TRACKING_DOMAINS.stream().anyMatch(t -> domain.equals(t) || domain.endsWith("." + t));
    }

    /** Percent-decoding without {@code URLDecoder}'s "+ means space", which would break {@code a+b@x.de}. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int codePoint = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
