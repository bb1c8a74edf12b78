package app.leadgen.runs;

import app.leadgen.qualification.BusinessFacts;
import app.leadgen.websites.EmailCheck;
import app.leadgen.websites.SiteContacts;
import java.util.Optional;

/** What a run takes from a website read: the address and number to store, and the website facts to score. */
final class SiteFindings {

    private SiteFindings() {}

    /** The first found address whose domain can take mail (only {@code no_domain} rules one out). */
    static Optional<SiteContacts.FoundEmail> email(SiteContacts site) {
        return site == null
                ? Optional.empty()
                : site.emails().stream()
                        .filter(e -> e.check() != EmailCheck.NO_DOMAIN)
                        .findFirst();
    }

    /** A pattern address (info@ …) on the site's own domain, only when nothing was found. */
    static Optional<SiteContacts.GuessedEmail> guess(SiteContacts site) {
        return site == null
                ? Optional.empty()
                : site.guessedEmails().stream()
                        .filter(g -> g.check() != EmailCheck.NO_DOMAIN)
                        .findFirst();
    }

    static Optional<SiteContacts.FoundPhone> phone(SiteContacts site) {
        return site == null ? Optional.empty() : site.phones().stream().findFirst();
    }

    /** The state of the website as the §5.2 rules see it; {@code site} is null when none is listed. */
    static BusinessFacts.Website website(SiteContacts site) {
        if (site == null) {
            return BusinessFacts.Website.NONE;
        }
        return switch (site.home().outcome()) {
            case OK -> BusinessFacts.Website.OK;
            case UNKNOWN_HOST -> BusinessFacts.Website.NO_DNS;
            case HTTP_ERROR -> BusinessFacts.Website.HTTP_ERROR;
            case TIMEOUT, FAILED -> BusinessFacts.Website.UNREACHABLE;
            case BLOCKED, TOO_LARGE, UNSUPPORTED, CANCELLED -> BusinessFacts.Website.UNKNOWN;
        };
    }

    static boolean instagramOrFacebook(SiteContacts site) {
        return site != null
                && site.socials().stream()
                        .anyMatch(s -> s.link().network().equals("instagram")
                                || s.link().network().equals("facebook"));
    }
}
