package app.leadgen.products;

import java.math.BigDecimal;
import java.time.Instant;

/** A product or service the agency offers; {@code price} in euros (null: on request). */
public record Product(
        long id, String name, String description, BigDecimal price, String url, Instant createdAt, Instant updatedAt) {}
