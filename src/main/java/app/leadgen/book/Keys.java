package app.leadgen.book;

import com.google.common.net.InternetDomainName;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.IDN;
import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normal forms the lead book compares and stores, the same for every source: e-mail addresses,
 * Instagram usernames, phone numbers (E.164), registrable domains and name keys.
 */
public final class Keys {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._]{1,30}");
    private static final Pattern INSTAGRAM_URL =
            Pattern.compile("(?i)^(?:https?://)?(?:www\\.)?instagram\\.com/([A-Za-z0-9._]{1,30})/?(?:[?#].*)?$");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * Mailbox providers: an address there says nothing about the company the person works for, so
     * two people at gmx.de never become one company.
     */
    static final Set<String> FREEMAIL = Set.of(
            "gmail.com",
            "googlemail.com",
            "gmx.de",
            "gmx.net",
            "gmx.at",
            "gmx.ch",
            "gmx.com",
            "web.de",
            "t-online.de",
            "outlook.com",
            "outlook.de",
            "hotmail.com",
            "hotmail.de",
            "live.com",
            "live.de",
            "msn.com",
            "yahoo.com",
            "yahoo.de",
            "ymail.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "aol.com",
            "aol.de",
            "freenet.de",
            "arcor.de",
            "posteo.de",
            "posteo.net",
            "mailbox.org",
            "protonmail.com",
            "proton.me",
            "pm.me",
            "yandex.com",
            "yandex.ru",
            "mail.ru",
            "gmx.fr",
            "orange.fr",
            "free.fr",
            "libero.it",
            "bluewin.ch",
            "online.de",
            "kabelmail.de",
            "vodafone.de",
            "email.de",
            "mail.de",
            "zoho.com",
            "tutanota.com",
            "tuta.io",
            "rediffmail.com",
            "qq.com",
            "163.com");

    /**
     * Hosts of link-in-bio pages, social networks and site builders: a website there is not the
     * business's own domain, and two businesses with a linktr.ee page are not one company.
     */
    static final Set<String> PLATFORMS = Set.of(
            "linktr.ee",
            "linkin.bio",
            "bio.link",
            "beacons.ai",
            "lnk.bio",
            "taplink.cc",
            "instagram.com",
            "facebook.com",
            "fb.com",
            "tiktok.com",
            "youtube.com",
            "twitter.com",
            "x.com",
            "linkedin.com",
            "xing.com",
            "wa.me",
            "t.me",
            "google.com",
            "goo.gl",
            "g.page",
            "business.site",
            "wixsite.com",
            "jimdosite.com",
            "jimdofree.com",
            "jimdo.com",
            "webnode.page",
            "carrd.co",
            "square.site",
            "myshopify.com",
            "etsy.com",
            "ebay.de",
            "amazon.de",
            "wordpress.com",
            "blogspot.com",
            "github.io",
            "netlify.app",
            "vercel.app",
            "strikingly.com",
            "weebly.com",
            "site123.me",
            "treatwell.de",
            "booksy.com",
            "linktree.com",
            "campsite.bio",
            "later.com",
            "solo.to",
            "msha.ke",
            "hoo.be");

    private Keys() {}

    /** Trimmed, lower case, the domain in Unicode (IDN in one form); empty unless it has one @ and a dotted domain. */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("mailto:")) {
            value = value.substring(7);
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at != value.indexOf('@') || at == value.length() - 1 || value.length() > 320) {
            return Optional.empty();
        }
        try {
            String domain = IDN.toUnicode(IDN.toASCII(value.substring(at + 1), IDN.ALLOW_UNASSIGNED))
                    .toLowerCase(Locale.ROOT);
            if (!domain.contains(".") || value.substring(0, at).isBlank()) {
                return Optional.empty();
            }
            return Optional.of(value.substring(0, at) + "@" + domain);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An Instagram username from a username, an @handle or a profile URL; lower case. */
    public static Optional<String> instagram(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.strip();
        var url = INSTAGRAM_URL.matcher(value);
        if (url.matches()) {
            value = url.group(1);
        }
        value = value.replaceFirst("^@", "").toLowerCase(Locale.ROOT);
        return USERNAME.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    /** E.164 ({@code +4930123456}), or empty when libphonenumber finds no valid number. */
    public static Optional<String> phone(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(raw.strip(), region);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The registrable domain ({@code shop.baeckerei-mueller.de} → {@code baeckerei-mueller.de}) of a website URL or host. */
    public static Optional<String> domainOfWebsite(String website) {
        if (website == null || website.isBlank()) {
            return Optional.empty();
        }
        String value = website.strip();
        if (!value.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            value = "http://" + value;
        }
        try {
            String host = URI.create(value.replace(" ", "%20")).getHost();
            return host == null
                    ? registrable(value.replaceFirst("(?i)^[a-z]+://", "").split("[/:?#]")[0])
                    : registrable(host);
        } catch (IllegalArgumentException e) {
            return registrable(value.replaceFirst("(?i)^[a-z]+://", "").split("[/:?#]")[0]);
        }
    }

    /** Whether the website is on the business's own domain (not a link-in-bio page or social network). */
    public static boolean ownWebsite(String website) {
        return domainOfWebsite(website).filter(d -> !PLATFORMS.contains(d)).isPresent();
    }

    /** The registrable domain of an address's domain, unless it is a mailbox provider's. */
    public static Optional<String> domainOfEmail(String email) {
        return email(email)
                .map(e -> e.substring(e.indexOf('@') + 1))
                .flatMap(Keys::registrable)
                .filter(d -> !FREEMAIL.contains(d));
    }

    static Optional<String> registrable(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        try {
            String ascii = IDN.toASCII(host.strip().replaceFirst("\\.$", ""), IDN.ALLOW_UNASSIGNED)
                    .toLowerCase(Locale.ROOT);
            InternetDomainName name = InternetDomainName.from(ascii);
            String top;
            if (name.isUnderPublicSuffix()) {
                top = name.topPrivateDomain().toString();
            } else if (name.isPublicSuffix() || name.parts().size() < 2 || ascii.matches("[0-9.]+")) {
                return Optional.empty();
            } else {
                // a suffix the public list does not know (an internal .test or .lan): its last two labels
                var parts = name.parts();
                top = parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1);
            }
            return Optional.of(IDN.toUnicode(top).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Lower case letters and digits only, accents removed: „Bäckerei Müller GmbH“ → {@code backerei muller gmbh}. */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(raw.replace("ß", "ss"), Normalizer.Form.NFD))
                .replaceAll("");
        return NOT_LETTERS
                .matcher(folded.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    /** Identity of a company without place id or domain; null without a name. */
    static String companyNameKey(String name, String city) {
        String n = text(name);
        return n.isEmpty() ? null : n + "|" + text(city);
    }

    /** Identity of a contact without e-mail or Instagram account: first + last name at one company. */
    static String contactNameKey(String first, String last, Long companyId) {
        String f = text(first);
        String l = text(last);
        if (f.isEmpty() || l.isEmpty() || companyId == null) {
            return null;
        }
        return f + " " + l + "|" + companyId;
    }
}
