package app.leadgen.leads;

import app.leadgen.book.CompanyInput;
import app.leadgen.book.ContactInput;
import app.leadgen.book.ContactStatus;
import app.leadgen.book.Keys;
import app.leadgen.book.LeadBook;
import app.leadgen.book.Merged;
import app.leadgen.book.Origin;
import app.leadgen.book.Sources;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands what the sources store (Instagram profiles, places) to the lead book, after their own write
 * has committed, and keeps the book's ids on the source rows. A row whose hand-over did not happen
 * (the instance died in between) keeps null ids, and {@link BookBackfill} brings it in later.
 */
@Component
class BookSync {

    /** Source of a profile's name and username when the scraper is not known (rows from before). */
    static final String INSTAGRAM_FALLBACK = "apify";

    private final LeadBook book;
    private final JdbcClient jdbc;

    BookSync(LeadBook book, JdbcClient jdbc) {
        this.book = book;
        this.jdbc = jdbc;
    }

    /** One account: a contact, and a company when the account links a website on its own domain. */
    Merged instagram(InstagramProfile p) {
        ContactInput contact = new ContactInput(
                null,
                null,
                p.fullName,
                null,
                null,
                p.email,
                p.emailCheck,
                p.phone,
                p.username,
                null,
                null,
                Map.of(),
                null);
        CompanyInput company = Keys.ownWebsite(p.website)
                ? new CompanyInput(
                        p.fullName, p.website, null, null, null, null, null, null, null, null, null, List.of())
                : CompanyInput.none();
        String profileSource = p.profileSource != null ? p.profileSource : scraperOf(p);
        Sources sources = Sources.of(profileSource)
                .with("email", p.emailSource)
                .with("emailCheck", p.emailSource)
                .with("phone", p.phoneSource)
                .with("website", p.websiteSource);
        Merged merged = book.merge(Origin.INSTAGRAM, contact, company, sources);
        if (!merged.suppressed()) {
            jdbc.sql("update ig_profiles set contact_id = :c, company_id = :co where username = :u")
                    .param("c", merged.contactId())
                    .param("co", merged.companyId())
                    .param("u", p.username)
                    .update();
        }
        return merged;
    }

    /** A place as Google describes it: a company (its phone and website included). */
    Merged place(PlaceData place) {
        CompanyInput company = new CompanyInput(
                place.name(),
                place.website(),
                place.phone(),
                place.address(),
                place.city(),
                null,
                null,
                place.category(),
                place.placeId(),
                place.rating(),
                place.reviewCount(),
                List.of());
        Merged merged =
                book.merge(Origin.PLACES, ContactInput.none(), company, Sources.of(PlaceStore.FIELD_SOURCE_PLACES));
        jdbc.sql("update places set company_id = :co where place_id = :p")
                .param("co", merged.companyId())
                .param("p", place.placeId())
                .update();
        return merged;
    }

    /**
     * The outcome of a place's check: the mailbox found (or guessed) on its site becomes a contact of
     * the company, with the place's status; a phone from the site fills the company's.
     */
    Merged checked(String placeId, PlaceCheck check) {
        ContactStatus status =
                switch (check.status()) {
                    case QUALIFIED, NO_EMAIL -> ContactStatus.QUALIFIED;
                    case DISQUALIFIED -> ContactStatus.DISQUALIFIED;
                    default -> null;
                };
        CompanyInput company = new CompanyInput(
                null, null, check.phone(), null, null, null, null, null, placeId, null, null, List.of());
        ContactInput contact = check.email() == null
                ? ContactInput.none()
                : ContactInput.mailbox(check.email(), check.emailCheck(), status);
        Sources sources = Sources.of(PlaceStore.FIELD_SOURCE_PLACES)
                .with("email", check.emailSource())
                .with("emailCheck", check.emailSource())
                .with("phone", check.phoneSource());
        Merged merged = book.merge(Origin.PLACES, contact, company, sources);
        if (merged.contactId() != null) {
            jdbc.sql("update places set contact_id = :c, company_id = :co where place_id = :p")
                    .param("c", merged.contactId())
                    .param("co", merged.companyId())
                    .param("p", placeId)
                    .update();
        }
        return merged;
    }

    private static String scraperOf(InstagramProfile p) {
        for (String s : new String[] {p.emailSource, p.phoneSource, p.websiteSource}) {
            if (s != null && s.startsWith("apify:")) {
                return s;
            }
        }
        return INSTAGRAM_FALLBACK;
    }
}
