package app.leadgen.leads;

/**
 * What a profile scraper returned for one username. Any field may be null. {@code source} names the
 * scraper (e.g. {@code apify:8WEn9FvZnhE7lM3oA}) and is recorded per contact field.
 */
public record ProfileData(
        String username,
        String fullName,
        String bio,
        String email,
        String phone,
        String website,
        Long followers,
        Long following,
        Long posts,
        Boolean verified,
        String source) {}
