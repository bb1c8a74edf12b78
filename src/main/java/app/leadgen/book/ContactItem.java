package app.leadgen.book;

import java.time.Instant;
import java.util.List;

/** One row of {@code GET /api/contacts}; {@code website}, {@code companyName} and {@code city} are the company's. */
public record ContactItem(
        long id,
        String fullName,
        String firstName,
        String lastName,
        String title,
        String position,
        String email,
        String emailCheck,
        String phone,
        String instagram,
        String linkedin,
        String website,
        Long companyId,
        String companyName,
        String city,
        String status,
        List<String> sources,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt) {}
