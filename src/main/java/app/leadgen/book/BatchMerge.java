package app.leadgen.book;

import app.leadgen.support.Keyset;
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

/**
 * Many merges in one transaction with the same rules as one ({@link CompanyMerge}, {@link
 * ContactMerge}): the companies and contacts the entries could mean are read in a few queries, the
 * entries are merged in order against them in memory (an entry that repeats an earlier one of the
 * batch finds what that one created), and the changes are written at the end. What a CSV import
 * does to thousands of rows.
 */
final class BatchMerge {

    private static final String CUSTOM = "force_custom_plan";
    private static final String AUTO = "auto";
    private static final int ROWS_PER_INSERT = 500;

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
        Set<Integer> suppressed = forgottenAmong(entries);
        BatchRows companyRows =
                new BatchRows(companies.table(), named.getJdbcTemplate(), Set.of("place_id", "domain", "name_key"));
        List<Map<String, Object>> companyValues = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            LeadBook.Entry e = entries.get(i);
            companyValues.add(
                    suppressed.contains(i)
                            ? null
                            : companies.values(company(e), contact(e).email()));
        }
        plans(CUSTOM);
        companyRows.prefetch(keys(companyValues, List.of("place_id", "domain", "name_key")));
        plans(AUTO);
        List<Optional<CompanyMerge.Outcome>> companyOutcomes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LeadBook.Entry e = entries.get(i);
            companyOutcomes.add(
                    suppressed.contains(i)
                            ? Optional.empty()
                            : companies.merge(
                                    companyRows,
                                    company(e),
                                    new java.util.LinkedHashMap<>(companyValues.get(i)),
                                    e.origin(),
                                    e.sources(),
                                    now));
        }
        companyRows.flush(now);
        companyOutcomes.replaceAll(
                o -> o.map(c -> new CompanyMerge.Outcome(companyRows.realId(c.id()), c.created(), c.updated())));

        BatchRows contactRows =
                new BatchRows(contacts.table(), named.getJdbcTemplate(), Set.of("email", "instagram", "name_key"));
        List<Long> companyIds = companyOutcomes.stream()
                .map(o -> o.map(CompanyMerge.Outcome::id).orElse(null))
                .toList();
        List<Map<String, Object>> contactValues = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            contactValues.add(
                    suppressed.contains(i) ? null : contacts.values(contact(entries.get(i)), companyIds.get(i)));
        }
        plans(CUSTOM);
        contactRows.prefetch(keys(contactValues, List.of("email", "instagram", "name_key")));
        plans(AUTO);
        List<Optional<ContactMerge.Outcome>> contactOutcomes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LeadBook.Entry e = entries.get(i);
            contactOutcomes.add(
                    suppressed.contains(i)
                            ? Optional.empty()
                            : contacts.merge(
                                    contactRows,
                                    contact(e),
                                    new java.util.LinkedHashMap<>(contactValues.get(i)),
                                    e.origin(),
                                    e.sources(),
                                    now));
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
        plans(CUSTOM);
        Map<Long, Long> earliest = earliestLines(entries, outcomes);
        plans(AUTO);
        Set<Long> repeated = new HashSet<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
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
                lines.add(new Object[] {id, e.importId(), line});
            }
            for (String tag : e.tags()) {
                String clean = LeadBook.cleanTag(tag);
                if (clean != null && seenTags.add(id + "\u0000" + clean)) {
                    tags.add(new Object[] {id, clean});
                }
            }
        }
        insertMissing("contact_imports (contact_id, import_id, line)", lines);
        insertMissing("contact_tags (contact_id, tag)", tags);
        return repeated;
    }

    /**
     * Inserts these rows unless their primary key is there: one statement of many rows (each row of a
     * batch is a statement of its own to the server, planned and run one by one).
     */
    private void insertMissing(String tableAndColumns, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String tuple = "(" + "?, ".repeat(part.get(0).length - 1) + "?)";
            String sql = "insert into " + tableAndColumns + " values "
                    + String.join(", ", java.util.Collections.nCopies(part.size(), tuple)) + " on conflict do nothing";
            named.getJdbcTemplate()
                    .update(sql, part.stream().flatMap(java.util.Arrays::stream).toArray());
        }
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

    /** Column → the distinct values of the key columns (null: an entry left out). */
    private static Map<String, Set<Object>> keys(List<Map<String, Object>> values, List<String> columns) {
        Map<String, Set<Object>> keys = new HashMap<>();
        for (Map<String, Object> v : values) {
            if (v == null) {
                continue;
            }
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
     * 40 ms per chunk once the table holds thousands of rows: the look-ups get custom plans. The
     * writes do not: a custom plan is planned anew for every row of a batch (that cost 40 ms a chunk).
     */
    private void plans(String mode) {
        if (postgres == null) {
            postgres = Keyset.isPostgres(named.getJdbcTemplate().getDataSource());
        }
        if (Boolean.TRUE.equals(postgres)) {
            named.getJdbcTemplate().execute("set local plan_cache_mode = " + mode);
        }
    }
}
