package app.leadgen.runs;

import java.time.Instant;

/** A run as the API shows it. */
public record RunView(
        long id,
        String source,
        String keyword,
        java.util.List<Long> locationIds,
        RunStatus status,
        RunStage stage,
        Counts counts,
        String error,
        String warning,
        boolean stopRequested,
        int cacheHits,
        java.util.Map<String, Integer> calls,
        java.util.List<Hashtag> hashtags,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /**
     * Per-stage counts: what was found, and how far profiles and web search have got. Places runs:
     * {@code placesSearches} of {@code placesSearchesTotal} searches (location × category) done,
     * {@code placesFound} results, of them {@code placesNew} stored and {@code placesKnown} known
     * from earlier; {@code qualified}/{@code disqualified} after the website check; {@code
     * sitesChecked} websites read and {@code emailsFound} addresses found on them (also for the
     * websites of Instagram profiles).
     */
    public record Counts(
            int hashtags,
            int findings,
            int usernames,
            int profilesEnriched,
            int profilesNotFound,
            int profilesFailed,
            int profilesCached,
            int websearchTotal,
            int websearchDone,
            int websearchFailed,
            int batch,
            int batches,
            int placesSearches,
            int placesSearchesTotal,
            int placesFound,
            int placesNew,
            int placesKnown,
            int qualified,
            int disqualified,
            int sitesChecked,
            int emailsFound) {}

    /** A hashtag found by the crawl: {@code newUsernames} are accounts no earlier run found. */
    public record Hashtag(String name, Long posts, int usernames, int newUsernames, boolean selected) {}

    static RunView of(Run r, java.util.Map<String, Integer> calls, java.util.List<Hashtag> hashtags) {
        return new RunView(
                r.id,
                r.source,
                r.keyword,
                locationIds(r.locationIds),
                r.status,
                r.stage,
                new Counts(
                        r.hashtags,
                        r.findings,
                        r.usernames,
                        r.profilesEnriched,
                        r.profilesNotFound,
                        r.profilesFailed,
                        r.profilesCached,
                        r.websearchTotal,
                        r.websearchDone,
                        r.websearchFailed,
                        r.batchCurrent,
                        r.batchTotal,
                        r.placesSearches,
                        r.placesSearchesTotal,
                        r.placesFound,
                        r.placesNew,
                        r.placesKnown,
                        r.qualified,
                        r.disqualified,
                        r.sitesChecked,
                        r.emailsFound),
                r.errorMessage,
                r.warning,
                r.stopRequested,
                r.cacheHits,
                calls,
                hashtags,
                r.createdAt,
                r.startedAt,
                r.finishedAt);
    }

    private static java.util.List<Long> locationIds(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
    }
}
