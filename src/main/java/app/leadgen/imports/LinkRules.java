package app.leadgen.imports;

import app.leadgen.websites.ContactValues;
import app.leadgen.websites.SocialLink;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Web addresses of a row: a website as the websites module writes it (scheme added, host in lower
 * case and punycode, at least the path {@code /}), an Instagram account as its username (from a
 * profile URL, {@code @name} or the bare name), a LinkedIn profile as its canonical URL.
 */
final class LinkRules {

    /** Instagram's own rule for usernames: letters, digits, dot and underscore, at most 30. */
    private static final Pattern INSTAGRAM_NAME = Pattern.compile("[a-z0-9._]{1,30}");

    private static final Pattern HAS_SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://.*");

    private LinkRules() {}

    static Optional<String> website(String text) {
        if (text.contains("@") && !text.contains("/") || text.contains(" ")) {
            return Optional.empty(); // an address or a sentence, not a site
        }
        return ContactValues.website(text)
                .filter(url -> url.getHost() != null && url.getHost().contains("."))
                .map(URI::toString);
    }

    static Optional<String> instagram(String text) {
        String value = text.strip();
        if (value.toLowerCase(Locale.ROOT).contains("instagram.com")
                || value.toLowerCase(Locale.ROOT).contains("instagr.am")) {
            return profile(value.replace("instagr.am", "instagram.com"))
                    .filter(link -> link.network().equals("instagram"))
                    .map(link -> link.url().substring(link.url().lastIndexOf('/') + 1));
        }
        String name = (value.startsWith("@") ? value.substring(1) : value).toLowerCase(Locale.ROOT);
        return INSTAGRAM_NAME.matcher(name).matches() && !name.chars().allMatch(c -> c == '.')
                ? Optional.of(name)
                : Optional.empty();
    }

    static Optional<String> linkedin(String text) {
        String value = text.strip();
        if (!value.toLowerCase(Locale.ROOT).contains("linkedin.com/")) {
            return Optional.empty();
        }
        Optional<SocialLink> profile = profile(value);
        if (profile.isPresent()) {
            return profile.filter(link -> link.network().equals("linkedin")).map(SocialLink::url);
        }
        // a LinkedIn page that is not a person's or company's profile: kept as a normalised URL
        return ContactValues.website(HAS_SCHEME.matcher(value).matches() ? value : "https://" + value)
                .map(URI::toString)
                .map(url -> url.replaceFirst("^http://", "https://"));
    }

    /** A social profile link, with {@code https://} when the cell has no scheme. */
    static Optional<SocialLink> profile(String value) {
        String url = HAS_SCHEME.matcher(value).matches() ? value : "https://" + value;
        return ContactValues.socialProfile(url);
    }
}
