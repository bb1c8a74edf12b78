package app.leadgen.leads;

import app.leadgen.book.LeadBook;
import app.leadgen.support.Texts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes findings and profile data. Every write is its own short transaction, so results appear in
 * the table while a run is still working and nothing is lost when a later step fails.
 */
@Service
public class LeadStore {

    public static final String SOURCE_INSTAGRAM = "instagram";

    private final LeadRepository leads;
    private final InstagramProfileRepository profiles;
    private final TransactionTemplate tx;
    private final BookSync book;
    private final LeadBook leadBook;
    private final LeadKeys keys;
    private final Clock clock;

    LeadStore(
            LeadRepository leads,
            InstagramProfileRepository profiles,
            TransactionTemplate tx,
            BookSync book,
            LeadBook leadBook,
            LeadKeys keys,
            Clock clock) {
        this.leads = leads;
        this.profiles = profiles;
        this.tx = tx;
        this.book = book;
        this.leadBook = leadBook;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Stores the findings of a run that are not stored for it yet (so a resumed run adds nothing
     * twice) and returns how many were new.
     */
    public int saveFindings(long runId, String keyword, List<Finding> findings) {
        // people who asked to be forgotten are not found again
        Set<String> forgotten = leadBook.forgottenUsernames(findings.stream()
                .map(Finding::username)
                .filter(u -> !u.isEmpty())
                .collect(Collectors.toSet()));
        Integer added = tx.execute(status -> {
            Set<String> known = new HashSet<>();
            for (Object[] row : leads.findKeysByRun(runId)) {
                known.add(new Finding((String) row[0], (String) row[1]).key());
            }
            List<Lead> fresh = new ArrayList<>();
            var now = clock.instant();
            for (Finding f : findings) {
                if (!f.username().isEmpty() && !forgotten.contains(f.username()) && known.add(f.key())) {
                    fresh.add(new Lead(
                            runId, SOURCE_INSTAGRAM, Texts.clip(f.hashtag(), 200), f.username(), keyword, now));
                }
            }
            leads.saveAll(fresh);
            // duplicate counts and sort values in this transaction, so no reader sees them stale
            keys.findingsAdded(fresh.stream().map(l -> l.username).toList());
            return fresh.size();
        });
        return added == null ? 0 : added;
    }

    /** Creates or updates the profile of one username from a scraper's answer. */
    public void saveProfile(ProfileData data) {
        String username = Finding.normalizeUsername(data.username());
        if (username.isEmpty()) {
            return;
        }
        upsert(username, p -> p.applyScrape(data, clock.instant()));
    }

    /** Adds contact details found elsewhere, only into fields that are still empty. */
    public void fillMissingContact(String username, ContactData contact, String source) {
        upsert(Finding.normalizeUsername(username), p -> p.fillMissing(contact, source, clock.instant()));
    }

    /** Keeps the latest e-mail draft of an account, so it survives a reload and a failed send. */
    public void saveDraft(String username, String subject, String body) {
        upsert(Finding.normalizeUsername(username), p -> {
            p.draftSubject = subject;
            p.draftBody = body;
            p.updatedAt = clock.instant();
        });
    }

    /** Records that an e-mail went out to this account. */
    public void markSent(String username, java.time.Instant sentAt) {
        upsert(Finding.normalizeUsername(username), p -> {
            p.sentAt = sentAt;
            p.updatedAt = clock.instant();
        });
    }

    /** Of these usernames, those the database knows already (from any earlier run). */
    public Set<String> knownUsernames(Collection<String> usernames) {
        return known(usernames).keySet();
    }

    /** Records that the scraper was asked about these usernames and had nothing (private, gone). */
    public void markScrapedWithoutData(java.util.Collection<String> usernames) {
        var now = clock.instant();
        for (String u : usernames) {
            upsert(Finding.normalizeUsername(u), p -> {
                p.enrichedAt = now;
                p.updatedAt = now;
            });
        }
    }

    /** Of these usernames, those whose profile was scraped at or after {@code since}. */
    public Set<String> scrapedSince(Collection<String> usernames, java.time.Instant since) {
        return known(usernames).values().stream()
                .filter(p -> p.enrichedAt != null && !p.enrichedAt.isBefore(since))
                .map(p -> p.username)
                .collect(Collectors.toSet());
    }

    /** Of these usernames, those searched on the web at or after {@code since}. */
    public Set<String> searchedSince(Collection<String> usernames, java.time.Instant since) {
        return known(usernames).values().stream()
                .filter(p -> p.websearchAt != null && !p.websearchAt.isBefore(since))
                .map(p -> p.username)
                .collect(Collectors.toSet());
    }

    private Map<String, InstagramProfile> known(Collection<String> usernames) {
        Map<String, InstagramProfile> known = new java.util.HashMap<>();
        List<String> all =
                usernames.stream().map(Finding::normalizeUsername).distinct().toList();
        for (List<String> chunk : chunks(all, 500)) {
            profiles.findByUsernameIn(chunk).forEach(p -> known.put(p.username, p));
        }
        return known;
    }

    /** The usernames (of the given ones) that still lack an email, phone or website. */
    public List<String> usernamesMissingContact(Collection<String> usernames) {
        Set<String> wanted =
                usernames.stream().map(Finding::normalizeUsername).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, InstagramProfile> known = new java.util.HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(wanted), 500)) {
            profiles.findByUsernameIn(chunk).forEach(p -> known.put(p.username, p));
        }
        List<String> missing = new ArrayList<>();
        for (String u : wanted) {
            InstagramProfile p = known.get(u);
            if (p == null || p.missingContact()) {
                missing.add(u);
            }
        }
        return missing;
    }

    public List<String> usernamesOfRun(long runId) {
        return leads.findUsernamesByRun(runId);
    }

    public long countFindings(long runId) {
        return leads.countByRunId(runId);
    }

    /**
     * Of these usernames, those with a website that still lack an e-mail or a phone, with their
     * website (for reading contacts from it).
     */
    public Map<String, String> websitesMissingContact(Collection<String> usernames) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (InstagramProfile p : known(usernames).values()) {
            if (!ContactData.isBlank(p.website) && (ContactData.isBlank(p.email) || ContactData.isBlank(p.phone))) {
                out.put(p.username, p.website);
            }
        }
        return out;
    }

    /**
     * Adds an e-mail and a phone read from the account's own website, each with its own source
     * ({@code website:<page>}), only into fields that are still empty. Unlike {@link
     * #fillMissingContact} this does not count as a web search.
     */
    public void fillFromWebsite(
            String username, String email, String emailSource, String emailCheck, String phone, String phoneSource) {
        upsert(Finding.normalizeUsername(username), p -> {
            if (ContactData.isBlank(p.email) && !ContactData.isBlank(email)) {
                p.email = Texts.stripped(email, 320);
                p.emailSource = Texts.stripped(emailSource, 2100);
                p.emailCheck = Texts.stripped(emailCheck, 20);
            }
            if (ContactData.isBlank(p.phone) && !ContactData.isBlank(phone)) {
                p.phone = Texts.stripped(phone, 100);
                p.phoneSource = Texts.stripped(phoneSource, 2100);
            }
            p.updatedAt = clock.instant();
        });
    }

    private void upsert(String username, java.util.function.Consumer<InstagramProfile> change) {
        if (username.isEmpty() || leadBook.isForgotten(null, username)) {
            return; // a person who asked to be forgotten is not stored again
        }
        Function<Void, InstagramProfile> attempt = ignored -> tx.execute(status -> {
            InstagramProfile p =
                    profiles.findByUsername(username).orElseGet(() -> new InstagramProfile(username, clock.instant()));
            change.accept(p);
            InstagramProfile stored = profiles.saveAndFlush(p);
            keys.profileChanged(List.of(username));
            return stored;
        });
        InstagramProfile saved;
        try {
            saved = attempt.apply(null);
        } catch (DataIntegrityViolationException raced) {
            // another worker inserted the same username between our read and insert: update theirs
            saved = attempt.apply(null);
        }
        if (saved != null) {
            book.instagram(saved);
        }
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}
