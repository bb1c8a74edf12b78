package app.leadgen.imports;

/**
 * Something of a row that could not be used as it was, while the row itself was. The text is the
 * message {@code imports.warning.<code>} with {@code {0}} the column and {@code {1}} the value.
 *
 * @param code {@code email-invalid}, {@code email-placeholder}, {@code phone-invalid},
 *     {@code website-invalid}, {@code instagram-invalid}, {@code linkedin-invalid},
 *     {@code missing-fields}, {@code extra-fields}, {@code name-unsplit}, {@code clipped}
 * @param column the column the value came from (for {@code missing-fields}/{@code extra-fields}: empty)
 * @param value the value as it was in the file (clipped to 200 characters); for
 *     {@code missing-fields}/{@code extra-fields} the number of fields of the row
 */
public record RowWarning(String code, String column, String value) {

    public String messageKey() {
        return "imports.warning." + code;
    }
}
