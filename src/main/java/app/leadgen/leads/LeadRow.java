package app.leadgen.leads;

import java.time.Instant;

/** One row of the leads table: a finding joined with its profile. Field names are the API's. */
public record LeadRow(
        long id,
        long runId,
        String source,
        String username,
        String fullName,
        String bio,
        String email,
        String emailSource,
        String phone,
        String phoneSource,
        String website,
        String websiteSource,
        Long followers,
        Long following,
        Long posts,
        Boolean verified,
        String hashtag,
        String keyword,
        Instant foundAt,
        String profileUrl,
        int occurrences,
        boolean duplicate,
        String draftSubject,
        String draftBody,
        Instant sentAt) {}
