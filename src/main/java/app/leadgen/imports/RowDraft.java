package app.leadgen.imports;

import app.leadgen.support.Texts;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of one row while {@link RowParser} works on it; becomes a {@link ParsedRow}. */
final class RowDraft {

    private final Map<Field, String> values = new EnumMap<>(Field.class);
    final Map<String, String> custom = new LinkedHashMap<>();
    final List<RowWarning> warnings = new ArrayList<>(2);
    String emailProblem;
    /** The person a company cell named as its owner, for the name fields when the row has no name. */
    PersonName ownerName;

    String get(Field field) {
        return values.get(field);
    }

    boolean has(Field field) {
        return values.containsKey(field);
    }

    void set(Field field, String value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    /** Sets the value only where the row has none yet: what the file says in its own column wins. */
    void fill(Field field, String value) {
        if (value != null) {
            values.putIfAbsent(field, value);
        }
    }

    void warn(String code, String column, String value) {
        warnings.add(new RowWarning(code, column, Texts.clip(value, 200)));
    }

    void keep(String column, String value) {
        if (value != null) {
            custom.merge(column, Texts.clip(value, Cells.MAX_LONG), (a, b) -> a + "\n" + b);
        }
    }

    /** Cuts values longer than a field holds, and says so. */
    void clip() {
        values.replaceAll((field, value) -> {
            int max = field == Field.NOTES ? Cells.MAX_LONG : Cells.MAX_SHORT;
            if (value.length() <= max) {
                return value;
            }
            warn("clipped", field.json(), value);
            return Texts.clip(value, max);
        });
    }

    ImportedContact contact() {
        return new ImportedContact(
                get(Field.FIRST_NAME),
                get(Field.LAST_NAME),
                get(Field.FULL_NAME),
                get(Field.TITLE),
                get(Field.POSITION),
                get(Field.EMAIL),
                get(Field.PHONE),
                get(Field.INSTAGRAM),
                get(Field.LINKEDIN),
                get(Field.NOTES),
                emailProblem);
    }

    ImportedCompany company() {
        return new ImportedCompany(
                get(Field.COMPANY_NAME),
                get(Field.WEBSITE),
                get(Field.COMPANY_PHONE),
                get(Field.ADDRESS),
                get(Field.POSTAL_CODE),
                get(Field.CITY),
                get(Field.COUNTRY),
                get(Field.CATEGORY));
    }
}
