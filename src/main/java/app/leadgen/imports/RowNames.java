package app.leadgen.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The name fields of a row, from whichever columns it has: a full-name column is split
 * ({@link Names#parse}), first- and last-name columns lose their titles to the title field, the
 * full name is made from first and last name and they from it. A company column that named an
 * owner gives the name when no name column does. Text the rules could not split stays whole in
 * {@code fullName} with the warning {@code name-unsplit}, for the LLM ({@link NameRefiner}).
 */
final class RowNames {

    private RowNames() {}

    static void read(CsvRow row, RowDraft draft, ColumnPlan plan) {
        List<String> titles = new ArrayList<>(2);
        for (int column : plan.columns(Field.TITLE)) {
            add(titles, Cells.line(row.field(column)));
        }
        String fullColumn = null;
        PersonName full = PersonName.NONE;
        for (int column : plan.columns(Field.FULL_NAME)) {
            String value = Cells.line(row.field(column));
            if (value != null && fullColumn == null) {
                full = Names.parse(value);
                fullColumn = plan.name(column);
            } else if (value != null) {
                draft.keep(plan.name(column), value);
            }
        }
        PersonName first = part(row, draft, plan, Field.FIRST_NAME);
        PersonName last = part(row, draft, plan, Field.LAST_NAME);
        if (full == PersonName.NONE && first == PersonName.NONE && last == PersonName.NONE && draft.ownerName != null) {
            full = draft.ownerName;
        }
        add(titles, first.title());
        add(titles, last.title());
        add(titles, full.title());
        String firstName = first.fullName() != null ? first.fullName() : full.firstName();
        String lastName = last.fullName() != null ? last.fullName() : full.lastName();
        String fullName = full.fullName() != null ? full.fullName() : joined(firstName, lastName);
        if (full.unsplit()) {
            draft.warn(NameRefiner.UNSPLIT, fullColumn, full.unsplitText());
        }
        draft.set(Field.FIRST_NAME, firstName);
        draft.set(Field.LAST_NAME, lastName);
        draft.set(Field.FULL_NAME, fullName);
        draft.set(Field.TITLE, titles.isEmpty() ? null : String.join(" ", titles));
        draft.fill(Field.COMPANY_NAME, full.companyName());
        draft.fill(Field.POSITION, full.position());
    }

    private static PersonName part(CsvRow row, RowDraft draft, ColumnPlan plan, Field field) {
        PersonName found = PersonName.NONE;
        for (int column : plan.columns(field)) {
            String value = Cells.line(row.field(column));
            if (value != null && found == PersonName.NONE) {
                found = Names.part(value);
            } else if (value != null) {
                draft.keep(plan.name(column), value);
            }
        }
        return found;
    }

    /** Adds a title unless the list has it already (Anrede „Herr" and a name „Herr Max Mustermann"). */
    private static void add(List<String> titles, String title) {
        if (title == null) {
            return;
        }
        String lower = String.join(" ", titles).toLowerCase(Locale.ROOT);
        if (!lower.contains(title.toLowerCase(Locale.ROOT))) {
            titles.add(title);
        }
    }

    private static String joined(String first, String last) {
        if (first == null) {
            return last;
        }
        return last == null ? first : first + " " + last;
    }
}
