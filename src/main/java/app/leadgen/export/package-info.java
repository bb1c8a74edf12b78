/**
 * Exports of the leads table and of the lead book's contacts: CSV and Excel downloads (one query in
 * one read-only transaction, spooled to a file, then sent; at most {@code EXPORTS_AT_ONCE} at once), and a new Google
 * Sheet filled in chunks. Same filters as {@code GET /api/leads}; every text cell goes through
 * {@link app.leadgen.export.FormulaGuard} because scraped bios are hostile.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Export",
        allowedDependencies = {"accounts", "book", "google", "leads", "support"})
package app.leadgen.export;
