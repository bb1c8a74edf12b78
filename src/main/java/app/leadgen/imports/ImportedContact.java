package app.leadgen.imports;

/**
 * The person (or role mailbox) of one CSV row, cleaned: every value stripped, {@code null} when
 * the row has none. Emails are lower case with the domain in Unicode ({@code info@bäckerei.de},
 * also when the file had punycode), phones in E.164, Instagram as the username, LinkedIn as a
 * profile URL.
 *
 * @param title salutation and academic title ({@code Herr Dr.})
 * @param emailProblem why the row's email was dropped ({@code invalid} or {@code placeholder}), else null
 */
public record ImportedContact(
        String firstName,
        String lastName,
        String fullName,
        String title,
        String position,
        String email,
        String phone,
        String instagram,
        String linkedin,
        String notes,
        String emailProblem) {

    /** Whether the row names a person: a full name, or at least a first or last name. */
    public boolean named() {
        return fullName != null || firstName != null || lastName != null;
    }
}
