package app.leadgen.book;

/**
 * What one merge did.
 *
 * @param contactId the contact the input became or joined, null when it named no person
 * @param companyId the company, null when it named none
 * @param suppressed the person asked to be forgotten: nothing was stored
 * @param repeatedInImport the contact came from an earlier line of the same import already (a
 *     duplicate within the file)
 */
public record Merged(
        Long contactId,
        Long companyId,
        boolean contactCreated,
        boolean contactUpdated,
        boolean companyCreated,
        boolean companyUpdated,
        boolean suppressed,
        boolean repeatedInImport) {

    static Merged suppressedPerson() {
        return new Merged(null, null, false, false, false, false, true, false);
    }
}
