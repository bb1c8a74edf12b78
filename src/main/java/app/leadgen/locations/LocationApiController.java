package app.leadgen.locations;

import app.leadgen.accounts.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/locations")
@Tag(name = "Locations", description = "Where the daily Places search looks: cities, optional circles, categories")
class LocationApiController {

    private final TargetLocations locations;
    private final LocationEditor editor;
    private final AuditLog audit;

    LocationApiController(TargetLocations locations, LocationEditor editor, AuditLog audit) {
        this.locations = locations;
        this.editor = editor;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Every location, active or not, oldest first")
    List<TargetLocation> list() {
        return locations.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One location (404 for an unknown id)")
    TargetLocation get(@PathVariable long id) {
        return editor.get(id);
    }

    @PostMapping
    @Operation(
            summary = "Add a location (201 with Location header)",
            description = "city is required (at most 100 characters); latitude (-90..90) and longitude (-180..180)"
                    + " together or not at all; radiusMeters 1..50000, 5000 when coordinates come without it;"
                    + " categories: 1 to 20 Places type ids such as bakery or clothing_store ([a-z_], at most 50"
                    + " characters each), duplicates dropped; active defaults to true")
    ResponseEntity<TargetLocation> create(@RequestBody LocationInput body) {
        TargetLocation created = editor.create(body);
        audit.record(AuditLog.LOCATION_CHANGE, "created " + created.id() + " (" + created.city() + ")");
        return ResponseEntity.created(URI.create("/api/locations/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a location's fields (the same rules as POST; active left out keeps its value)")
    TargetLocation update(@PathVariable long id, @RequestBody LocationInput body) {
        TargetLocation updated = editor.update(id, body);
        audit.record(AuditLog.LOCATION_CHANGE, "changed " + id + " (" + updated.city() + ")");
        return updated;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a location (204; 404 for an unknown id)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        editor.delete(id);
        audit.record(AuditLog.LOCATION_CHANGE, "deleted " + id);
        return ResponseEntity.noContent().build();
    }
}
