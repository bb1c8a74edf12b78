package app.leadgen.book;

import app.leadgen.book.Provenance.FieldSource;
import java.util.List;
import java.util.Map;

/** {@code GET /api/companies/{id}}: the company, which source set each field and when, and its contacts. */
public record CompanyDetail(CompanyItem company, Map<String, FieldSource> provenance, List<ContactItem> contacts) {}
