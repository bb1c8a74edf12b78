package app.leadgen.websites;

import java.util.Optional;

/** What a run takes from a website read: the address and the number to store. */
public final class SiteFindings {

    private SiteFindings() {}

    /** The first found address whose domain can take mail (only {@code no_domain} rules one out). */
    public static Optional<SiteContacts.FoundEmail> email(SiteContacts site) {
        return site == null
                ? Optional.empty()
                : site.emails().stream()
                        .filter(e -> e.check() != EmailCheck.NO_DOMAIN)
                        .findFirst();
    }

    /**
     * The first found address whose domain takes no mail ({@code no_domain}): not one to write to,
     * but kept and shown with its check, so the user learns it was there.
     */
    public static Optional<SiteContacts.FoundEmail> undeliverable(SiteContacts site) {
        return site == null
                ? Optional.empty()
                : site.emails().stream()
                        .filter(e -> e.check() == EmailCheck.NO_DOMAIN)
                        .findFirst();
    }

    /** A pattern address (info@ …) on the site's own domain, only when nothing was found. */
    public static Optional<SiteContacts.GuessedEmail> guess(SiteContacts site) {
        return site == null
                ? Optional.empty()
                : site.guessedEmails().stream()
                        .filter(g -> g.check() != EmailCheck.NO_DOMAIN)
                        .findFirst();
    }

    public static Optional<SiteContacts.FoundPhone> phone(SiteContacts site) {
        return site == null ? Optional.empty() : site.phones().stream().findFirst();
    }
}
