package app.leadgen.imports;

/**
 * A name read from a cell.
 *
 * @param title salutation and academic titles in the order written ({@code Herr Dr.}), degrees after
 *     the name appended ({@code Dr., MBA}); null without any
 * @param fullName first and last name without titles; the whole text when it could not be split
 * @param companyName a company the cell also named ({@code Hans Müller - Müller GmbH}), else null
 * @param position a role the cell named ({@code Inh.} becomes {@code Inhaber}), else null
 * @param unsplit whether the text looks like more than a name and the rules could not split it:
 *     {@code fullName} (or, for text that reads like a company, {@code companyName}) then holds the
 *     whole text, for the LLM to split
 */
record PersonName(
        String title,
        String firstName,
        String lastName,
        String fullName,
        String companyName,
        String position,
        boolean unsplit) {

    static final PersonName NONE = new PersonName(null, null, null, null, null, null, false);

    static PersonName unsplit(String text) {
        return new PersonName(null, null, null, text, null, null, true);
    }

    /** A name cell that reads like a company and nothing else: taken as the company until the LLM says more. */
    static PersonName companyOnly(String text) {
        return new PersonName(null, null, null, null, text, null, true);
    }

    /** The text this name was read from when the rules could not split it. */
    String unsplitText() {
        return fullName != null ? fullName : companyName;
    }

    PersonName withCompany(String company, String role) {
        return new PersonName(title, firstName, lastName, fullName, company, role, unsplit);
    }
}
