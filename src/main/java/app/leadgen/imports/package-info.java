/**
 * CSV imports: an uploaded file becomes clean, validated rows (the engine: no database, no HTTP) and
 * is merged into the lead book by a run of source {@code csv} ({@link app.leadgen.imports.ImportService},
 * {@code /api/imports}); the file is kept in the database until its import is done.
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
        allowedDependencies = {"accounts", "ai", "book", "runs", "support", "websites"})
package app.leadgen.imports;
