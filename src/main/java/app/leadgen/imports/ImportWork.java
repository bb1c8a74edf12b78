package app.leadgen.imports;

import app.leadgen.book.CompanyInput;
import app.leadgen.book.ContactInput;
import app.leadgen.book.LeadBook;
import app.leadgen.book.Merged;
import app.leadgen.book.Origin;
import app.leadgen.book.Sources;
import app.leadgen.runs.RunContext;
import app.leadgen.websites.EmailCheck;
import app.leadgen.websites.EmailDomainCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The work of an import run: the stored file is read row by row (never whole), each row is parsed,
 * its address's domain checked (one DNS question per domain), and merged into the lead book with
 * the source {@code csv:<import>:<line>}. After every chunk of rows the first line not yet done is
 * stored, so a stopped, failed or interrupted import continues there; a row done twice merges into
 * the same contact and adds nothing.
 */
@Component
class ImportWork {

    static final int CHUNK = 1000;
    private static final int MAX_DOMAINS = 10_000;

    private final ImportStore store;
    private final RowParsers parsers;
    private final NameRefiner names;
    private final EmailDomainCheck domains;
    private final LeadBook book;

    ImportWork(ImportStore store, RowParsers parsers, NameRefiner names, EmailDomainCheck domains, LeadBook book) {
        this.store = store;
        this.parsers = parsers;
        this.names = names;
        this.domains = domains;
        this.book = book;
    }

    /** Imports what is left of the file; false when a stop ended it early. */
    boolean run(RunContext run, ImportRecord imp) {
        Path file = null;
        try {
            file = Files.createTempFile("leadgen-import-" + imp.id() + "-", ".csv");
            store.restoreFile(imp.id(), file);
            Map<String, EmailCheck> checks = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, EmailCheck> eldest) {
                    return size() > MAX_DOMAINS;
                }
            };
            try (CsvRows rows = CsvRows.open(file, imp.format())) {
                RowParser parser = parsers.parser(rows.header(), imp.mapping());
                List<ParsedRow> chunk = new ArrayList<>(CHUNK);
                for (CsvRow row : rows) {
                    if (row.line() < imp.nextLine()) {
                        continue; // done before the stop or the interruption
                    }
                    chunk.add(parser.parse(row));
                    if (chunk.size() == CHUNK) {
                        merge(run, imp, chunk, checks);
                        store.progress(imp.id(), row.line() + 1);
                        chunk.clear();
                        if (run.stopRequested() || run.cancellation().cancelled()) {
                            return false;
                        }
                    }
                }
                if (!chunk.isEmpty()) {
                    merge(run, imp, chunk, checks);
                    store.progress(imp.id(), chunk.get(chunk.size() - 1).line() + 1);
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
    }

    /**
     * Merges one chunk in one transaction of the lead book; its counts go to the run's counters at
     * once, at the end (one update per counter).
     */
    private void merge(RunContext run, ImportRecord imp, List<ParsedRow> parsed, Map<String, EmailCheck> checks) {
        List<ParsedRow> rows = names.available() ? names.refine(parsed) : parsed;
        Set<String> tags = imp.tag() == null ? Set.of() : Set.of(imp.tag());
        Map<ImportCounter, Integer> tally = new java.util.EnumMap<>(ImportCounter.class);
        List<ParsedRow> usable = new ArrayList<>(rows.size());
        List<LeadBook.Entry> entries = new ArrayList<>(rows.size());
        List<ImportStore.Reject> rejects = new ArrayList<>();
        for (ParsedRow row : rows) {
            if (row.rejected()) {
                rejects.add(new ImportStore.Reject(row.line(), "rejected", row.raw(), row.rejectReason(), null));
                tally.merge(ImportCounter.INVALID, 1, Integer::sum);
            } else {
                usable.add(row);
                entries.add(entry(imp, row, tags, checks));
            }
        }
        List<Merged> results = book.mergeAll(entries);
        for (int i = 0; i < usable.size(); i++) {
            ParsedRow row = usable.get(i);
            Merged merged = results.get(i);
            if (merged.suppressed()) {
                tally.merge(ImportCounter.SUPPRESSED, 1, Integer::sum);
                rejects.add(
                        new ImportStore.Reject(row.line(), "rejected", row.raw(), "imports.reject.suppressed", null));
                continue;
            }
            count(tally, merged);
            if (!row.warnings().isEmpty()) {
                RowWarning w = row.warnings().get(0);
                rejects.add(new ImportStore.Reject(
                        row.line(), "warning", row.raw(), w.messageKey(), w.column() + "\u001f" + w.value()));
            }
        }
        store.reject(imp.id(), rejects);
        tally.forEach((counter, n) -> run.add(counter.key, n));
    }

    private LeadBook.Entry entry(ImportRecord imp, ParsedRow row, Set<String> tags, Map<String, EmailCheck> checks) {
        ImportedContact c = row.contact();
        String check = c.email() == null
                ? null
                : checks.computeIfAbsent(domainOf(c.email()), domains::check).value();
        return new LeadBook.Entry(
                Origin.CSV,
                new ContactInput(
                        c.firstName(),
                        c.lastName(),
                        c.fullName(),
                        c.title(),
                        c.position(),
                        c.email(),
                        check,
                        c.phone(),
                        c.instagram(),
                        c.linkedin(),
                        c.notes(),
                        row.custom(),
                        null),
                company(row.company()),
                Sources.of("csv:" + imp.id() + ":" + row.line()),
                tags,
                imp.id(),
                row.line());
    }

    private static void count(Map<ImportCounter, Integer> tally, Merged merged) {
        tally.merge(ImportCounter.IMPORTED, 1, Integer::sum);
        if (merged.contactCreated()) {
            tally.merge(ImportCounter.CONTACTS_CREATED, 1, Integer::sum);
        } else if (merged.contactUpdated()) {
            tally.merge(ImportCounter.CONTACTS_UPDATED, 1, Integer::sum);
        }
        if (merged.companyCreated()) {
            tally.merge(ImportCounter.COMPANIES_CREATED, 1, Integer::sum);
        } else if (merged.companyUpdated()) {
            tally.merge(ImportCounter.COMPANIES_UPDATED, 1, Integer::sum);
        }
        if (merged.repeatedInImport()) {
            tally.merge(ImportCounter.DUPLICATES_IN_FILE, 1, Integer::sum);
        }
    }

    private static CompanyInput company(ImportedCompany co) {
        if (co == null) {
            return CompanyInput.none();
        }
        return new CompanyInput(
                co.companyName(),
                co.website(),
                co.companyPhone(),
                co.address(),
                co.city(),
                co.postalCode(),
                co.country(),
                co.category(),
                null,
                null,
                null,
                List.of());
    }

    private static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }
}
