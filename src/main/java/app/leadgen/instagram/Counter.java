package app.leadgen.instagram;

import java.util.Arrays;
import java.util.List;

/** The counters of an Instagram run, by the names the API shows in {@code counts}. */
enum Counter {
    HASHTAGS("hashtags"),
    FINDINGS("findings"),
    USERNAMES("usernames"),
    PROFILES_ENRICHED("profilesEnriched"),
    PROFILES_NOT_FOUND("profilesNotFound"),
    PROFILES_FAILED("profilesFailed"),
    PROFILES_CACHED("profilesCached"),
    WEBSEARCH_TOTAL("websearchTotal"),
    WEBSEARCH_DONE("websearchDone"),
    WEBSEARCH_FAILED("websearchFailed"),
    CACHE_HITS("cacheHits"),
    BATCH_CURRENT("batch"),
    BATCH_TOTAL("batches"),
    SITES_CHECKED("sitesChecked"),
    EMAILS_FOUND("emailsFound");

    final String key;

    Counter(String key) {
        this.key = key;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(c -> c.key).toList();
    }
}
