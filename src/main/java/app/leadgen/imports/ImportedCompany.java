package app.leadgen.imports;

/**
 * The company of one CSV row, cleaned; {@code null} where the row has no value. The website is an
 * absolute URL (scheme added, host in lower case and punycode, path {@code /} at least, as the
 * websites module writes it), the phone in E.164.
 *
 * @param address street and house number
 * @param country as written in the file ({@code Deutschland}, {@code DE}, {@code Austria})
 */
public record ImportedCompany(
        String companyName,
        String website,
        String companyPhone,
        String address,
        String postalCode,
        String city,
        String country,
        String category) {

    /** Whether the row has anything of a company at all. */
    public boolean present() {
        return companyName != null
                || website != null
                || companyPhone != null
                || address != null
                || postalCode != null
                || city != null
                || country != null
                || category != null;
    }
}
