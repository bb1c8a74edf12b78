package app.leadgen.book;

import java.time.Instant;
import java.util.List;

/** One row of {@code GET /api/companies}. */
public record CompanyItem(
        long id,
        String name,
        String domain,
        String website,
        String phone,
        String address,
        String city,
        String postalCode,
        String country,
        String category,
        String placeId,
        Double rating,
        Integer reviewCount,
        List<String> socials,
        List<String> sources,
        long contacts,
        Instant createdAt,
        Instant updatedAt) {}
