package app.leadgen.imports;

import java.util.List;

/**
 * Puts the LLM's split of a name into a parsed row: the person's names replace the unsplit text, a
 * title, company and role fill only what the row does not have, the {@code name-unsplit} warning
 * goes, and the row's identity is decided again.
 */
final class SplitMerge {

    private SplitMerge() {}

    static ParsedRow apply(ParsedRow row, PersonName split) {
        if (split == null || split.fullName() == null && split.companyName() == null) {
            return row;
        }
        ImportedContact c = row.contact();
        ImportedCompany co = row.company();
        String text = NameRefiner.unsplitText(row);
        // what the rules put in from the unsplit text is the LLM's to replace; values from other columns stay
        boolean nameFromText = c.fullName() != null && c.fullName().equals(text);
        boolean companyFromText = co.companyName() != null && co.companyName().equals(text);
        String fullName = nameFromText || c.fullName() == null ? split.fullName() : c.fullName();
        ImportedContact contact = new ImportedContact(
                c.firstName() != null ? c.firstName() : split.firstName(),
                c.lastName() != null ? c.lastName() : split.lastName(),
                fullName,
                c.title() != null ? c.title() : split.title(),
                c.position() != null ? c.position() : split.position(),
                c.email(),
                c.phone(),
                c.instagram(),
                c.linkedin(),
                c.notes(),
                c.emailProblem());
        ImportedCompany company = new ImportedCompany(
                companyFromText || co.companyName() == null ? split.companyName() : co.companyName(),
                co.website(),
                co.companyPhone(),
                co.address(),
                co.postalCode(),
                co.city(),
                co.country(),
                co.category());
        List<RowWarning> warnings = row.warnings().stream()
                .filter(w -> !w.code().equals(NameRefiner.UNSPLIT))
                .toList();
        String reject = row.rejectReason() == null || row.rejectReason().equals(Identity.NO_IDENTITY)
                ? Identity.missing(contact, company)
                : row.rejectReason();
        return new ParsedRow(row.line(), row.raw(), contact, company, row.custom(), warnings, reject);
    }
}
