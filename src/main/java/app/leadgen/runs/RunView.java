package app.leadgen.runs;

import java.time.Instant;

/** A run as the API shows it. */
public record RunView(
        long id,
        String source,
        String keyword,
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

    /** Per-stage counts: what was found, and how far profiles and web search have got. */
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
            int batches) {}

    /** A hashtag found by the crawl: {@code newUsernames} are accounts no earlier run found. */
    public record Hashtag(String name, Long posts, int usernames, int newUsernames, boolean selected) {}

    static RunView of(Run r, java.util.Map<String, Integer> calls, java.util.List<Hashtag> hashtags) {
        return new RunView(
                r.id,
                r.source,
                r.keyword,
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
                        r.batchTotal),
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
}
