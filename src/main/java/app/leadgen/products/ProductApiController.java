package app.leadgen.products;

import app.leadgen.accounts.AuditLog;
import app.leadgen.support.ApiProblem;
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

/**
 * The catalogue. Every role reads; members change it (the policy's default for changes): products
 * are what members offer in their mails, not a setting of the app.
 */
@RestController
@RequestMapping("/api/products")
@Tag(name = "Products", description = "What the agency offers: name, description, price, URL")
class ProductApiController {

    static final String AUDIT = "product.change";

    private final Products products;
    private final AuditLog audit;

    ProductApiController(Products products, AuditLog audit) {
        this.products = products;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Every product, by name")
    List<Product> list() {
        return products.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One product (404 for an unknown id)")
    Product get(@PathVariable long id) {
        return products.find(id).orElseThrow(() -> ApiProblem.notFound("problem.products.not-found", id));
    }

    @PostMapping
    @Operation(
            summary = "Add a product (201 with Location)",
            description = "name required (at most 200 characters); description at most 4000; price in euros, 0 or"
                    + " more, at most two decimals (null: on request); url an absolute http(s) address")
    ResponseEntity<Product> create(@RequestBody Products.Input body) {
        Product created = products.create(body);
        audit.record(AUDIT, "created " + created.id() + " (" + created.name() + ")");
        return ResponseEntity.created(URI.create("/api/products/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a product's fields (the same rules as POST)")
    Product update(@PathVariable long id, @RequestBody Products.Input body) {
        Product updated = products.update(id, body);
        audit.record(AUDIT, "changed " + id + " (" + updated.name() + ")");
        return updated;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a product (204; 404 for an unknown id)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        products.delete(id);
        audit.record(AUDIT, "deleted " + id);
        return ResponseEntity.noContent().build();
    }
}
