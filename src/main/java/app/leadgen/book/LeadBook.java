package app.leadgen.book;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way into the lead book. Every source hands in what it knows; the book decides whether it
 * is a known company and person or a new one (the same rules for every source) and fills only the
 * fields that are still empty, recording which source set each one.
 */
@Service
public class LeadBook {

    /**
     * One merge.
     *
     * @param tags added to the contact (an import's tag)
     * @param importId the import (a run of source csv) the row came from, with its {@code line}
     */
    public record Entry(
            Origin origin,
            ContactInput contact,
            CompanyInput company,
            Sources sources,
            Set<String> tags,
            Long importId,
            Long line) {

        public static Entry of(Origin origin, ContactInput contact, CompanyInput company, Sources sources) {
            return new Entry(origin, contact, company, sources, Set.of(), null, null);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Forgotten forgotten;
    private final CompanyMerge companies;
    private final ContactMerge contacts;
    private final BatchMerge batch;
    private final Clock clock;

    LeadBook(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Forgotten forgotten,
            JsonMapper json,
            NamedParameterJdbcTemplate named,
            @Value("${leadgen.websites.phone-region:DE}") String phoneRegion,
            Clock clock) {
        this.jdbc = jdbc;
        // a transaction of its own: a unique-key race aborts a PostgreSQL transaction, and the retry
        // must not run in the caller's (nor may a source's rollback undo the book)
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.forgotten = forgotten;
        this.companies = new CompanyMerge(jdbc, json, phoneRegion);
        this.contacts = new ContactMerge(jdbc, json, phoneRegion);
        this.batch = new BatchMerge(companies, contacts, forgotten, named);
        this.clock = clock;
    }

    public Merged merge(Origin origin, ContactInput contact, CompanyInput company, Sources sources) {
        return merge(Entry.of(origin, contact, company, sources));
    }

    /**
     * Merges one entry in one transaction. A person who was forgotten is not stored again (the
     * result says {@code suppressed}). Two writers racing for the same new e-mail, username, place
     * or domain: the loser merges into the winner's row.
     */
    public Merged merge(Entry entry) {
        ContactInput contact = entry.contact() == null ? ContactInput.none() : entry.contact();
        CompanyInput company = entry.company() == null ? CompanyInput.none() : entry.company();
        if (forgotten.isForgotten(contact.email(), contact.instagram())) {
            return Merged.suppressedPerson();
        }
        try {
            return tx.execute(s -> write(entry, contact, company));
        } catch (DuplicateKeyException raced) {
            return tx.execute(s -> write(entry, contact, company));
        }
    }

    private Merged write(Entry entry, ContactInput contact, CompanyInput company) {
        Instant now = clock.instant();
        var c = companies.merge(companies.table(), company, contact.email(), entry.origin(), entry.sources(), now);
        Long companyId = c.map(CompanyMerge.Outcome::id).orElse(null);
        var p = contacts.merge(contacts.table(), contact, companyId, entry.origin(), entry.sources(), now);
        boolean repeated = false;
        if (p.isPresent()) {
            long person = p.get().id();
            for (String tag : entry.tags()) {
                addTag(person, tag);
            }
            if (entry.importId() != null) {
                repeated = !p.get().created() && inImport(person, entry.importId(), entry.line());
                addImportLine(person, entry.importId(), entry.line());
            }
        }
        if (c.isPresent() && (c.get().created() || c.get().updated())) {
            ContactKeys.companies(jdbc, List.of(companyId));
        }
        p.filter(o -> o.created() || o.updated()).ifPresent(o -> ContactKeys.contacts(jdbc, List.of(o.id())));
        return new Merged(
                p.map(ContactMerge.Outcome::id).orElse(null),
                companyId,
                p.map(ContactMerge.Outcome::created).orElse(false),
                p.map(ContactMerge.Outcome::updated).orElse(false),
                c.map(CompanyMerge.Outcome::created).orElse(false),
                c.map(CompanyMerge.Outcome::updated).orElse(false),
                false,
                repeated);
    }

    /** Whether an earlier line of this import gave this contact already. */
    private boolean inImport(long contactId, long importId, Long line) {
        return jdbc.sql("select count(*) from contact_imports where contact_id = :id and import_id = :imp"
                                + " and line < :line")
                        .param("id", contactId)
                        .param("imp", importId)
                        .param("line", line == null ? 0L : line)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Moves a contact along its lifecycle (outreach: email_sent, opened, …). */
    public void setStatus(long contactId, ContactStatus status) {
        jdbc.sql("update contacts set status = :s, updated_at = :now where id = :id")
                .param("s", status.value())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", contactId)
                .update();
    }

    /**
     * Moves a contact along its lifecycle only from one of these statuses (a first open moves {@code
     * email_sent} to {@code opened}, never {@code clicked} back); one conditional UPDATE, so racing
     * events cannot move it backwards. Returns whether it moved.
     */
    public boolean advanceStatus(long contactId, ContactStatus status, java.util.Collection<ContactStatus> from) {
        if (from.isEmpty()) {
            return false;
        }
        return jdbc.sql("update contacts set status = :s, updated_at = :now where id = :id and status in (:from)")
                        .param("s", status.value())
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", contactId)
                        .param("from", from.stream().map(ContactStatus::value).toList())
                        .update()
                > 0;
    }

    /** Whether this address or username belongs to someone who asked to be forgotten. */
    public boolean isForgotten(String email, String instagram) {
        return forgotten.isForgotten(email, instagram);
    }

    /** Of these Instagram usernames, those of people who asked to be forgotten. */
    public Set<String> forgottenUsernames(java.util.Collection<String> usernames) {
        Set<String> out = new java.util.HashSet<>();
        for (String u : usernames) {
            if (forgotten.isForgotten(null, u)) {
                out.add(u);
            }
        }
        return out;
    }

    public Optional<Long> contactIdByInstagram(String username) {
        return Keys.instagram(username).flatMap(u -> jdbc.sql("select id from contacts where instagram = :u")
                .param("u", u)
                .query(Long.class)
                .optional());
    }

    /**
     * Merges many entries in one transaction, as {@link #merge(Entry)} would one by one (an import's
     * chunk of rows). When another writer races for the same new key, the batch is merged again one
     * entry at a time.
     */
    public List<Merged> mergeAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        try {
            return tx.execute(s -> {
                List<Merged> merged = batch.merge(entries, clock.instant());
                ContactKeys.companies(
                        jdbc,
                        merged.stream()
                                .filter(m -> m.companyCreated() || m.companyUpdated())
                                .map(Merged::companyId)
                                .toList());
                ContactKeys.contacts(
                        jdbc,
                        merged.stream()
                                .filter(m -> m.contactCreated() || m.contactUpdated())
                                .map(Merged::contactId)
                                .toList());
                return merged;
            });
        } catch (DuplicateKeyException raced) {
            return entries.stream().map(this::merge).toList();
        }
    }

    static String cleanTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return tag.strip().length() > 100 ? tag.strip().substring(0, 100) : tag.strip();
    }

    private void addTag(long contactId, String tag) {
        String clean = cleanTag(tag);
        if (clean == null) {
            return;
        }
        jdbc.sql("insert into contact_tags (contact_id, tag) select :id, :tag where not exists"
                        + " (select 1 from contact_tags where contact_id = :id and tag = :tag)")
                .param("id", contactId)
                .param("tag", clean)
                .update();
    }

    private void addImportLine(long contactId, long importId, Long line) {
        jdbc.sql(
                        "insert into contact_imports (contact_id, import_id, line) select :id, :imp, :line where not exists"
                                + " (select 1 from contact_imports where contact_id = :id and import_id = :imp and line = :line)")
                .param("id", contactId)
                .param("imp", importId)
                .param("line", line == null ? 0L : line)
                .update();
    }
}
