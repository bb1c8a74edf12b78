package app.leadgen.leads;

import java.util.Locale;
import java.util.Optional;

/**
 * A sort order of the leads table as the API spells it ({@code field,asc} or {@code field,desc}),
 * shared by {@code GET /api/leads} and the exports so both accept exactly the same values.
 */
public record LeadSort(String field, boolean ascending) {

    public static final String DEFAULT = "foundAt,desc";

    /** Empty unless the field is one of {@link LeadQuery#sortableFields()} and the direction asc or desc (default asc). */
    public static Optional<LeadSort> parse(String text) {
        String[] parts = (text == null ? "" : text).split(",", -1);
        String field = parts[0].trim();
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (!LeadQuery.isSortable(field)
                || parts.length > 2
                || !(direction.equals("asc") || direction.equals("desc"))) {
            return Optional.empty();
        }
        return Optional.of(new LeadSort(field, direction.equals("asc")));
    }
}
