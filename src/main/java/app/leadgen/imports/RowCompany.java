package app.leadgen.imports;

import app.leadgen.websites.SocialLink;
import java.util.Optional;

/**
 * The company side of a row: its name (with an owner written into it split off, „Bäckerei Schmidt,
 * Inh. Karl Schmidt"), its website (an Instagram or LinkedIn profile in the website column goes to
 * the contact's field instead), and an address written in one cell split into street, postal code
 * and city.
 */
final class RowCompany {

    private RowCompany() {}

    static void read(CsvRow row, RowDraft draft, ColumnPlan plan) {
        for (int column : plan.columns(Field.COMPANY_NAME)) {
            String value = Cells.line(row.field(column));
            if (value != null && draft.has(Field.COMPANY_NAME)) {
                draft.keep(plan.name(column), value);
            } else if (value != null) {
                companyName(draft, value);
            }
        }
        for (int column : plan.columns(Field.WEBSITE)) {
            website(draft, plan.name(column), Cells.line(row.field(column)));
        }
        address(draft);
    }

    private static void companyName(RowDraft draft, String value) {
        PersonName owner = Names.owner(value);
        if (owner == null) {
            draft.set(Field.COMPANY_NAME, value);
            return;
        }
        draft.set(Field.COMPANY_NAME, owner.companyName());
        draft.ownerName = owner;
    }

    private static void website(RowDraft draft, String column, String value) {
        if (value == null) {
            return;
        }
        if (draft.has(Field.WEBSITE)) {
            draft.keep(column, value);
            return;
        }
        Optional<SocialLink> profile = value.contains("instagram.com") || value.contains("linkedin.com")
                ? LinkRules.profile(value)
                : Optional.empty();
        if (profile.isPresent() && profile.get().network().equals("instagram") && !draft.has(Field.INSTAGRAM)) {
            String url = profile.get().url();
            draft.set(Field.INSTAGRAM, url.substring(url.lastIndexOf('/') + 1));
            return;
        }
        if (profile.isPresent() && profile.get().network().equals("linkedin") && !draft.has(Field.LINKEDIN)) {
            draft.set(Field.LINKEDIN, profile.get().url());
            return;
        }
        Optional<String> site = LinkRules.website(value);
        if (site.isPresent()) {
            draft.set(Field.WEBSITE, site.get());
        } else {
            draft.warn("website-invalid", column, value);
        }
    }

    /** „Hauptstraße 1, 10115 Berlin" in the address column, „10115 Berlin" in the city column. */
    private static void address(RowDraft draft) {
        String address = draft.get(Field.ADDRESS);
        if (address != null) {
            Addresses.Parts parts = draft.has(Field.CITY) ? null : Addresses.split(address);
            if (parts != null) {
                draft.set(Field.ADDRESS, parts.street());
                draft.fill(Field.POSTAL_CODE, parts.postalCode());
                draft.set(Field.CITY, parts.city());
            } else {
                draft.set(Field.ADDRESS, Cells.line(address));
            }
        }
        String city = draft.get(Field.CITY);
        if (city != null) {
            Addresses.Parts parts = Addresses.postalCity(city);
            if (parts != null
                    && (!draft.has(Field.POSTAL_CODE) || parts.postalCode().equals(draft.get(Field.POSTAL_CODE)))) {
                draft.set(Field.POSTAL_CODE, parts.postalCode());
                draft.set(Field.CITY, parts.city());
            }
        }
    }
}
