/**
 * CSV import engine: turns an uploaded file into clean, validated lead-book rows. No database, no
 * HTTP: the import run, its API and pages use this module.
 *
 * <p>API: {@link app.leadgen.imports.CsvSniffer} (encoding and delimiter), {@link
 * app.leadgen.imports.CsvRows} (streamed records, header), {@link app.leadgen.imports.CsvPreview},
 * {@link app.leadgen.imports.Field} and {@link app.leadgen.imports.HeaderSynonyms}, {@link
 * app.leadgen.imports.MappingProposer} (LLM or synonyms), {@link app.leadgen.imports.RowParser} (a
 * row to {@link app.leadgen.imports.ParsedRow}: {@link app.leadgen.imports.ImportedContact}, {@link
 * app.leadgen.imports.ImportedCompany}, custom fields, warnings, reject reason) and {@link
 * app.leadgen.imports.NameRefiner} (optional LLM name splitting in batches).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Imports",
        allowedDependencies = {"ai", "support", "websites"})
package app.leadgen.imports;
