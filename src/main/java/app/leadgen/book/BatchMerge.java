package app.leadgen.book;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Many merges in one transaction with the same rules as one ({@link CompanyMerge}, {@link
 * ContactMerge}): the companies and contacts the entries could mean are read in a few queries, the
 * entries are merged in order against them in memory (an entry that repeats an earlier one of the
 * batch finds what that one created), and the changes are written at the end. What a CSV import
 * does to thousands of rows.
 */
final class BatchMerge {

    private final CompanyMerge companies;
    private final ContactMerge contacts;
    private final Forgotten forgotten;
    private final NamedParameterJdbcTemplate named;
    private volatile Boolean postgres;

    BatchMerge(CompanyMerge companies, ContactMerge contacts, Forgotten forgotten, NamedParameterJdbcTemplate named) {
        this.companies = companies;
        this.contacts = contacts;
        this.forgotten = forgotten;
        this.named = named;
    }

    List<Merged> merge(List<LeadBook.Entry> entries, Instant now) {
        customPlans();
        Set<Integer> suppressed = forgottenAmong(entries);
        BatchRows companyRows =
                new BatchRows(companies.table(), named.getJdbcTemplate(), Set.of("place_id", "domain", "name_key"));
        companyRows.prefetch(keys(
                entries,
                suppressed,
                e -> companies.values(company(e), contact(e).email()),
                List.of("place_id", "domain", "name_key")));
        List<Optional<CompanyMerge.Outcome>> companyOutcomes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LeadBook.Entry e = entries.get(i);
            companyOutcomes.add(
                    suppressed.contains(i)
                            ? Optional.empty()
                            : companies.merge(
                                    companyRows, company(e), contact(e).email(), e.origin(), e.sources(), now));
        }
        companyRows.flush(now);
        companyOutcomes.replaceAll(
                o -> o.map(c -> new CompanyMerge.Outcome(companyRows.realId(c.id()), c.created(), c.updated())));

        BatchRows contactRows =
                new BatchRows(contacts.table(), named.getJdbcTemplate(), Set.of("email", "instagram", "name_key"));
        List<Long> companyIds = companyOutcomes.stream()
                .map(o -> o.map(CompanyMerge.Outcome::id).orElse(null))
                .toList();
        Map<String, Set<Object>> contactKeys = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!suppressed.contains(i)) {
                Map<String, Object> v = contacts.values(contact(entries.get(i)), companyIds.get(i));
                for (String c : List.of("email", "instagram", "name_key")) {
                    if (v.get(c) != null) {
                        contactKeys
                                .computeIfAbsent(c, k -> new LinkedHashSet<>())
                                .add(v.get(c));
                    }
                }
            }
        }
        contactRows.prefetch(contactKeys);
        List<Optional<ContactMerge.Outcome>> contactOutcomes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LeadBook.Entry e = entries.get(i);
            contactOutcomes.add(
                    suppressed.contains(i)
                            ? Optional.empty()
                            : contacts.merge(contactRows, contact(e), companyIds.get(i), e.origin(), e.sources(), now));
        }
        contactRows.flush(now);
        contactOutcomes.replaceAll(
                o -> o.map(c -> new ContactMerge.Outcome(contactRows.realId(c.id()), c.created(), c.updated())));

        Set<Long> repeated = linesAndTags(entries, contactOutcomes);
        List<Merged> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            if (suppressed.contains(i)) {
                out.add(Merged.suppressedPerson());
                continue;
            }
            var c = companyOutcomes.get(i);
            var p = contactOutcomes.get(i);
            out.add(new Merged(
                    p.map(ContactMerge.Outcome::id).orElse(null),
                    companyIds.get(i),
                    p.map(ContactMerge.Outcome::created).orElse(false),
                    p.map(ContactMerge.Outcome::updated).orElse(false),
                    c.map(CompanyMerge.Outcome::created).orElse(false),
                    c.map(CompanyMerge.Outcome::updated).orElse(false),
                    false,
                    repeated.contains((long) i)));
        }
        return out;
    }

    /**
     * Adds tags and import lines (batched) and says which entries (by position) gave a contact that
     * an earlier line of the same import gave already.
     */
    private Set<Long> linesAndTags(List<LeadBook.Entry> entries, List<Optional<ContactMerge.Outcome>> outcomes) {
        Map<Long, Long> earliest = earliestLines(entries, outcomes);
        Set<Long> repeated = new HashSet<>();
        List<SqlParameterSource> lines = new ArrayList<>();
        List<SqlParameterSource> tags = new ArrayList<>();
        Set<String> seenTags = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            LeadBook.Entry e = entries.get(i);
            Optional<ContactMerge.Outcome> p = outcomes.get(i);
            if (p.isEmpty()) {
                continue;
            }
            long id = p.get().id();
            if (e.importId() != null) {
                long line = e.line() == null ? 0L : e.line();
                Long first = earliest.get(id);
                if (first != null && first < line) {
                    repeated.add((long) i);
                }
                earliest.merge(id, line, Math::min);
                lines.add(new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("imp", e.importId())
                        .addValue("line", line));
            }
            for (String tag : e.tags()) {
                String clean = LeadBook.cleanTag(tag);
                if (clean != null && seenTags.add(id + "\u0000" + clean)) {
                    tags.add(new MapSqlParameterSource().addValue("id", id).addValue("tag", clean));
                }
            }
        }
        if (!lines.isEmpty()) {
            named.batchUpdate(
                    "insert into contact_imports (contact_id, import_id, line) select :id, :imp, :line where"
                            + " not exists (select 1 from contact_imports where contact_id = :id and import_id = :imp and"
                            + " line = :line)",
                    lines.toArray(SqlParameterSource[]::new));
        }
        if (!tags.isEmpty()) {
            named.batchUpdate(
                    "insert into contact_tags (contact_id, tag) select :id, :tag where not exists"
                            + " (select 1 from contact_tags where contact_id = :id and tag = :tag)",
                    tags.toArray(SqlParameterSource[]::new));
        }
        return repeated;
    }

    /** For every contact of the batch: the first line of its import it came from before this batch. */
    private Map<Long, Long> earliestLines(List<LeadBook.Entry> entries, List<Optional<ContactMerge.Outcome>> outcomes) {
        Map<Long, Set<Long>> byImport = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).importId() != null
                    && outcomes.get(i).isPresent()
                    && !outcomes.get(i).get().created()) {
                byImport.computeIfAbsent(entries.get(i).importId(), k -> new HashSet<>())
                        .add(outcomes.get(i).get().id());
            }
        }
        Map<Long, Long> earliest = new HashMap<>();
        byImport.forEach((imp, ids) -> named.query(
                "select contact_id, min(line) from contact_imports where import_id = :imp and contact_id in (:ids)"
                        + " group by contact_id",
                new MapSqlParameterSource().addValue("imp", imp).addValue("ids", ids),
                rs -> {
                    earliest.put(rs.getLong(1), rs.getLong(2));
                }));
        return earliest;
    }

    private Set<Integer> forgottenAmong(List<LeadBook.Entry> entries) {
        Set<Integer> out = new HashSet<>();
        Set<String> hashes = forgotten.forgottenAmong(entries.stream()
                .map(e -> new String[] {contact(e).email(), contact(e).instagram()})
                .toList());
        if (hashes.isEmpty()) {
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            ContactInput c = contact(entries.get(i));
            if (forgotten.hashesOf(c.email(), c.instagram()).stream().anyMatch(hashes::contains)) {
                out.add(i);
            }
        }
        return out;
    }

    private static Map<String, Set<Object>> keys(
            List<LeadBook.Entry> entries,
            Set<Integer> skip,
            java.util.function.Function<LeadBook.Entry, Map<String, Object>> values,
            List<String> columns) {
        Map<String, Set<Object>> keys = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (skip.contains(i)) {
                continue;
            }
            Map<String, Object> v = values.apply(entries.get(i));
            for (String c : columns) {
                if (v.get(c) != null) {
                    keys.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(v.get(c));
                }
            }
        }
        return keys;
    }

    private static ContactInput contact(LeadBook.Entry e) {
        return e.contact() == null ? ContactInput.none() : e.contact();
    }

    private static CompanyInput company(LeadBook.Entry e) {
        return e.company() == null ? CompanyInput.none() : e.company();
    }

    /**
     * PostgreSQL plans a prepared statement once for all after five runs. The look-ups of a first
     * import run against an empty table, so that generic plan is a sequential scan, which then costs
     * 40 ms per chunk once the table holds thousands of rows. Custom plans for this transaction only.
     */
    private void customPlans() {
        if (postgres == null) {
            postgres = named.getJdbcTemplate().execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                    c -> c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL"));
        }
        if (Boolean.TRUE.equals(postgres)) {
            named.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
        }
    }
}
