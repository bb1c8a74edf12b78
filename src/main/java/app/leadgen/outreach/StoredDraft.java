package app.leadgen.outreach;

import java.time.Instant;

/** {@code GET /api/contacts/{id}/draft}: the contact's kept draft (fields null when none) and when it was sent. */
public record StoredDraft(String subject, String body, Instant sentAt) {}
