package app.leadgen.imports.web;

import app.leadgen.accounts.AuditLog;
import app.leadgen.imports.ImportService;
import app.leadgen.imports.ImportView;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CSV imports: reading is for every role; uploading, mapping and starting change data (members). */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports", description = "CSV files into the lead book, with an AI-proposed column mapping")
class ImportApiController {

    private final ImportService imports;
    private final AuditLog audit;
    private final JsonMapper json;

    ImportApiController(ImportService imports, AuditLog audit, JsonMapper json) {
        this.imports = imports;
        this.audit = audit;
        this.json = json;
    }

    record MappingBody(Map<String, String> mapping) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a CSV file (part 'file', optional 'tag'): 201 with the detected format, columns, sample"
                    + " rows and the proposed mapping; with start=true (and an optional 'mapping' part, JSON) the"
                    + " import starts at once: 202")
    ResponseEntity<ImportView> upload(
            @RequestParam("file") MultipartFile file,
            @RequestParam(value = "tag", required = false) String tag,
            @Parameter(description = "JSON {\"column\": \"field\" or null}, or {\"mapping\": {…}}")
                    @RequestParam(value = "mapping", required = false)
                    String mapping,
            @RequestParam(value = "start", defaultValue = "false") boolean start,
            Locale locale) {
        Map<String, String> given = mapping == null || mapping.isBlank() ? null : parseMapping(mapping);
        ImportView view;
        try {
            view = imports.upload(file.getOriginalFilename(), file.getInputStream(), tag, given, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditLog.IMPORT, "upload " + view.id() + ": " + view.fileName() + ", " + view.rows() + " rows");
        if (!start) {
            return ResponseEntity.status(HttpStatus.CREATED).body(view);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(startAndAudit(view.id(), locale));
    }

    @GetMapping
    @Operation(summary = "The latest 50 imports")
    List<ImportView> list(Locale locale) {
        return imports.latest(locale);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import: status (MAPPING, RUNNING, COMPLETED, FAILED, STOPPED), mapping and counts")
    ImportView get(@PathVariable long id, Locale locale) {
        return imports.get(id, locale);
    }

    @PutMapping("/{id}/mapping")
    @Operation(summary = "Correct the mapping before the start: {\"mapping\": {\"column\": \"field\" or null}}")
    ImportView mapping(@PathVariable long id, @RequestBody MappingBody body, Locale locale) {
        return imports.mapping(id, body == null ? Map.of() : body.mapping(), locale);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start the import (a run of source csv: progress, stop and resume like every run): 202")
    ResponseEntity<ImportView> start(@PathVariable long id, Locale locale) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(startAndAudit(id, locale));
    }

    @GetMapping(value = "/{id}/errors.csv", produces = "text/csv")
    @Operation(summary = "Every rejected line as it was, with its line number and the reason")
    ResponseEntity<StreamingResponseBody> errors(@PathVariable long id, Locale locale) {
        imports.get(id, locale);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-fehler.csv\"")
                .body(out -> imports.writeErrors(id, out, locale));
    }

    private ImportView startAndAudit(long id, Locale locale) {
        ImportView view = imports.start(id, locale);
        audit.record(AuditLog.IMPORT, "start " + id + ": " + view.fileName() + " as run " + view.runId());
        return view;
    }

    private Map<String, String> parseMapping(String text) {
        try {
            JsonNode node = json.readTree(text);
            JsonNode mapping = node.has("mapping") && node.get("mapping").isObject() ? node.get("mapping") : node;
            if (!mapping.isObject()) {
                throw ApiProblem.badRequest("problem.imports.mapping-json");
            }
            Map<String, String> out = new LinkedHashMap<>();
            mapping.properties()
                    .forEach(e -> out.put(
                            e.getKey(),
                            e.getValue().isNull() ? null : e.getValue().asString()));
            return out;
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("problem.imports.mapping-json");
        }
    }
}
