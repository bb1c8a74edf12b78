package app.leadgen.imports;

import java.util.Arrays;
import java.util.List;

/** The counters of an import run, by the names the API shows in {@code counts}. */
enum ImportCounter {
    ROWS("rows"),
    IMPORTED("imported"),
    CONTACTS_CREATED("contactsCreated"),
    CONTACTS_UPDATED("contactsUpdated"),
    COMPANIES_CREATED("companiesCreated"),
    COMPANIES_UPDATED("companiesUpdated"),
    DUPLICATES_IN_FILE("duplicatesInFile"),
    INVALID("invalid"),
    SUPPRESSED("suppressed");

    final String key;

    ImportCounter(String key) {
        this.key = key;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(c -> c.key).toList();
    }
}
