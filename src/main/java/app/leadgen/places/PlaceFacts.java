package app.leadgen.places;

import app.leadgen.qualification.BusinessFacts;
import app.leadgen.websites.SiteContacts;

/** The website facts of a place as the §5.2 rules see them. */
final class PlaceFacts {

    private PlaceFacts() {}

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
