/**
 * Exports of the leads table: CSV and Excel downloads streamed page by page, and a new Google
 * Sheet filled in chunks. Same filters as {@code GET /api/leads}; every text cell goes through
 * {@link app.leadgen.export.FormulaGuard} because scraped bios are hostile.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Export",
        allowedDependencies = {"accounts", "google", "leads", "support"})
package app.leadgen.export;
