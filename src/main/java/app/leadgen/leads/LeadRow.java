package app.leadgen.leads;

import java.time.Instant;

/**
 * One row of the leads table: an Instagram finding joined with its profile, or a Places lead
 * joined with its place. Field names are the API's. The Places fields ({@code name} to {@code
 * emailGuessed}) are null for Instagram rows; {@code username}, {@code hashtag} and the profile
 * fields are null for Places rows. {@code contactId} and {@code companyId} are the lead book's ids
 * (null until the lead is in the book, or for a place without a mailbox).
 */
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
        Instant sentAt,
        String name,
        String placeId,
        String category,
        String address,
        String city,
        Double rating,
        Integer reviewCount,
        String mapsUrl,
        String status,
        Integer score,
        java.util.List<ScoreReason> scoreReasons,
        String emailCheck,
        Boolean emailGuessed,
        Long contactId,
        Long companyId) {}
