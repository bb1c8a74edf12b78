package app.leadgen.websites;

import java.net.URI;
import java.util.List;

/**
 * Everything found on one website. Each value carries the page it was found on; {@link
 * FoundEmail#source()} etc. give the {@code website:<url>} source stored with a lead's field.
 *
 * @param website the site as asked for (scheme added if it was missing)
 * @param home how fetching the home page went, for qualification (domain resolves? 4xx/5xx? meta
 *     tags?)
 * @param emails found addresses, the site's own domain first, each with its DNS check
 * @param phones E.164 numbers
 * @param socials the business's own social profiles
 * @param pagesFetched pages that were fetched and read, home first
 * @param errors pages that could not be read, and why
 * @param guessedEmails info@, kontakt@, hello@, contact@ on the site's domain, only when no address
 *     was found and the site is the business's own domain; never to be shown or stored as found
 */
public record SiteContacts(
        URI website,
        Home home,
        List<FoundEmail> emails,
        List<FoundPhone> phones,
        List<FoundSocial> socials,
        List<URI> pagesFetched,
        List<PageError> errors,
        List<GuessedEmail> guessedEmails) {

    /** The home page fetch: outcome, HTTP status (0 without an answer), final URL, meta tags. */
    public record Home(FetchResult.Outcome outcome, int httpStatus, URI finalUrl, boolean metaTags) {}

    public record FoundEmail(String address, URI page, EmailCheck check) {
        public String source() {
            return "website:" + page;
        }
    }

    public record FoundPhone(String e164, URI page) {
        public String source() {
            return "website:" + page;
        }
    }

    public record FoundSocial(SocialLink link, URI page) {
        public String source() {
            return "website:" + page;
        }
    }

    /** {@code outcome} as in {@link FetchResult.Outcome}, or {@code LEFT_SITE} for a redirect off the site. */
    public record PageError(URI url, String outcome, String detail) {}

    /** A pattern address, not found anywhere. {@code check} is its domain's DNS check. */
    public record GuessedEmail(String address, EmailCheck check) {
        public String source() {
            return "guessed";
        }
    }

    public boolean foundEmail() {
        return !emails.isEmpty();
    }
}
