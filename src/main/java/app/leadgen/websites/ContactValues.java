package app.leadgen.websites;

import app.leadgen.websites.extract.Emails;
import app.leadgen.websites.extract.Phones;
import app.leadgen.websites.extract.Sites;
import app.leadgen.websites.extract.Socials;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The value rules of contacts found on websites, for contacts from other sources (a CSV import), so
 * that an address, a number or a website has one canonical form whatever its source and the lead
 * book can match them.
 */
public final class ContactValues {

    private ContactValues() {}

    /**
     * The address trimmed, in lower case, or empty when it is not a valid address or an obvious
     * placeholder ({@code name@domain.com}, {@code …@example.com}, {@code max.mustermann@…}). The
     * domain stays as written: Unicode ({@code bäckerei.de}) or punycode ({@code xn--…}).
     */
    public static Optional<String> email(String raw) {
        return Emails.clean(raw);
    }

    /** One number in E.164, or empty unless libphonenumber finds it valid for {@code region} ({@code DE}). */
    public static Optional<String> phone(String raw, String region) {
        return Phones.parse(raw, region);
    }

    /** The numbers in a text (E.164), skipping fax, tax and bank numbers. */
    public static List<String> phonesInText(String text, String region) {
        return Phones.inText(text, region);
    }

    /**
     * A website as an absolute URL: scheme added ({@code http://}) when missing, host in lower case
     * and punycode, path {@code /} when empty, query kept, fragment dropped.
     */
    public static Optional<URI> website(String raw) {
        return Sites.website(raw);
    }

    /** A link to a profile on a social network in canonical form; empty for posts, share buttons, other sites. */
    public static Optional<SocialLink> socialProfile(String url) {
        return Socials.profile(url);
    }
}
