/**
 * The lead book: every person or role mailbox (a contact) and every business (a company) that any
 * source found, with one stable id each. Instagram accounts, Google places, CSV rows and people's
 * corrections all go through {@link app.leadgen.book.LeadBook#merge}, which applies one identity
 * rule set (e-mail, Instagram username, name at a company; place id, registrable domain, name and
 * city) and fills only empty fields, remembering which source set each field and when. Owns the
 * tables {@code contacts}, {@code companies}, their tags and import lines, the keyed hashes of
 * forgotten people, {@code /api/contacts} and {@code /api/companies}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Lead book",
        allowedDependencies = {"accounts", "settings", "support"})
package app.leadgen.book;
