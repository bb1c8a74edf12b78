package app.leadgen.suppressions;

import java.time.Instant;

/**
 * One entry of the list: an address or a whole domain (the other is null; both are null for a
 * forgotten person, whom the lead book keeps as a keyed hash only).
 */
public record Suppression(long id, String email, String domain, String reason, String createdBy, Instant createdAt) {}
