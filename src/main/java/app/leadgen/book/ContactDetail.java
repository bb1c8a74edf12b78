package app.leadgen.book;

import app.leadgen.book.Provenance.FieldSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/contacts/{id}}: the list item's fields, plus the notes, the company, which source
 * set each field and when ({@code provenance}), the import columns no field fits ({@code custom}),
 * and the findings and import lines the contact came from.
 */
public record ContactDetail(
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
        Instant updatedAt,
        String notes,
        CompanyItem company,
        Map<String, FieldSource> provenance,
        Map<String, String> custom,
        List<ContactFindings.Finding> findings,
        List<ImportLine> imports) {

    /** A line of an import (a run of source csv) the contact came from. */
    public record ImportLine(long importId, long line) {}
}
