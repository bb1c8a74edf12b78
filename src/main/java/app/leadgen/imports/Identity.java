package app.leadgen.imports;

/**
 * Whether a row can become a lead at all: it needs something to reach or to recognise the person
 * by. A valid e-mail, a phone (the contact's or the company's), an Instagram account (the lead
 * book's second identity key), or a name together with a company. Everything else is rejected.
 */
final class Identity {

    static final String NO_IDENTITY = "imports.reject.no-identity";

    private Identity() {}

    /** The reject reason, or null for a usable row. */
    static String missing(ImportedContact contact, ImportedCompany company) {
        if (contact.email() != null
                || contact.phone() != null
                || company.companyPhone() != null
                || contact.instagram() != null) {
            return null;
        }
        return contact.named() && company.companyName() != null ? null : NO_IDENTITY;
    }
}
