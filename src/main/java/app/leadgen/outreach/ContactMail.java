package app.leadgen.outreach;

import app.leadgen.book.Cards;
import app.leadgen.book.CompanyItem;
import app.leadgen.book.ContactDetail;
import app.leadgen.book.ContactStatus;
import app.leadgen.book.LeadBook;
import app.leadgen.leads.LeadQuery;
import app.leadgen.leads.LeadRow;
import app.leadgen.leads.LeadStore;
import app.leadgen.support.ApiProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lead-book contact as outreach needs it, whatever its source: the prompt placeholders (a place's
 * name, category, city, rating, review count and web presence; an Instagram account's profile), its
 * draft ({@code contact_drafts}) and the recipient of a send.
 */
@Component
class ContactMail {

    private final Cards cards;
    private final LeadBook book;
    private final LeadQuery leads;
    private final LeadStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContactMail(Cards cards, LeadBook book, LeadQuery leads, LeadStore store, JdbcClient jdbc, Clock clock) {
        this.cards = cards;
        this.book = book;
        this.leads = leads;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ContactDetail contact(long contactId) {
        return cards.contact(contactId).orElseThrow(() -> ApiProblem.notFound("problem.contacts.unknown", contactId));
    }

    /** Values for every placeholder of {@link PromptTemplate#PLACEHOLDERS}. */
    Map<String, String> placeholders(ContactDetail c) {
        Optional<LeadRow> lead = c.instagram() == null ? Optional.empty() : leads.latestOf(c.instagram());
        Map<String, String> v = lead.map(PromptTemplate::values).orElseGet(java.util.LinkedHashMap::new);
        CompanyItem co = c.company();
        v.put("fullName", first(c.fullName(), v.get("fullName"), co == null ? null : co.name()));
        v.put("firstName", PromptTemplate.text(c.firstName()));
        v.put("lastName", PromptTemplate.text(c.lastName()));
        v.put("title", PromptTemplate.text(c.title()));
        v.put("position", PromptTemplate.text(c.position()));
        v.put("email", PromptTemplate.text(c.email()));
        v.put("phone", first(c.phone(), v.get("phone"), co == null ? null : co.phone()));
        v.put("username", PromptTemplate.text(c.instagram()));
        v.putIfAbsent("bio", "");
        v.putIfAbsent("followers", "");
        v.putIfAbsent("hashtag", "");
        v.putIfAbsent("keyword", "");
        v.putIfAbsent("profileUrl", c.instagram() == null ? "" : "https://www.instagram.com/" + c.instagram() + "/");
        v.put("source", String.join(", ", c.sources()));
        v.put("companyName", co == null ? "" : PromptTemplate.text(co.name()));
        v.put("category", co == null ? "" : PromptTemplate.text(co.category()));
        v.put("city", co == null ? "" : PromptTemplate.text(co.city()));
        v.put("rating", co == null || co.rating() == null ? "" : String.valueOf(co.rating()));
        v.put("reviewCount", co == null || co.reviewCount() == null ? "" : String.valueOf(co.reviewCount()));
        String website = co == null ? null : co.website();
        v.put("website", first(website, v.get("website")));
        v.put("webPresence", webPresence(website == null || website.isBlank() ? v.get("website") : website));
        return v;
    }

    /** Seed 002's "current web presence" in the prompt's language (German, like the shipped prompts). */
    private static String webPresence(String website) {
        return website == null || website.isBlank() ? "keine eigene Website" : "Website: " + website;
    }

    Recipient recipient(long contactId) {
        ContactDetail c = contact(contactId);
        return new Recipient(
                c.email() != null ? c.email() : "#" + c.id(),
                c.instagram(),
                c.id(),
                c.email(),
                c.emailCheck(),
                (subject, body) -> keepDraft(c, subject, body),
                at -> markSent(c.id(), at));
    }

    void keepDraft(ContactDetail c, String subject, String body) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql(
                        "update contact_drafts set subject = :s, body = :b, updated_at = :now where contact_id = :id")
                .param("s", subject)
                .param("b", body)
                .param("now", now)
                .param("id", c.id())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into contact_drafts (contact_id, subject, body, updated_at) values (:id, :s, :b, :now)")
                    .param("id", c.id())
                    .param("s", subject)
                    .param("b", body)
                    .param("now", now)
                    .update();
        }
        if (c.instagram() != null) {
            store.saveDraft(c.instagram(), subject, body);
        }
    }

    /** Records the send with the contact (status {@code email_sent}) and, for an Instagram account, its profile. */
    void markSent(long contactId, Instant at) {
        jdbc.sql("update contact_drafts set sent_at = :at where contact_id = :id")
                .param("at", Timestamp.from(at))
                .param("id", contactId)
                .update();
        book.setStatus(contactId, ContactStatus.EMAIL_SENT);
        cards.contact(contactId).map(ContactDetail::instagram).ifPresent(u -> store.markSent(u, at));
    }

    /** What the contact's editor shows: the kept draft and when it was sent (an Instagram account's from its profile). */
    StoredDraft stored(long contactId) {
        ContactDetail c = contact(contactId);
        Optional<StoredDraft> own = jdbc.sql("select subject, body, sent_at from contact_drafts where contact_id = :id")
                .param("id", contactId)
                .query((rs, n) -> new StoredDraft(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional();
        if (own.isPresent() || c.instagram() == null) {
            return own.orElse(new StoredDraft(null, null, null));
        }
        return leads.latestOf(c.instagram())
                .map(l -> new StoredDraft(l.draftSubject(), l.draftBody(), l.sentAt()))
                .orElse(new StoredDraft(null, null, null));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
