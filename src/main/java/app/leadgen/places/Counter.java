package app.leadgen.places;

import java.util.Arrays;
import java.util.List;

/** The counters of a Places run, by the names the API shows in {@code counts}. */
enum Counter {
    PLACES_SEARCHES("placesSearches"),
    PLACES_SEARCHES_TOTAL("placesSearchesTotal"),
    PLACES_FOUND("placesFound"),
    PLACES_NEW("placesNew"),
    PLACES_KNOWN("placesKnown"),
    QUALIFIED("qualified"),
    DISQUALIFIED("disqualified"),
    SITES_CHECKED("sitesChecked"),
    EMAILS_FOUND("emailsFound"),
    CACHE_HITS("cacheHits");

    final String key;

    Counter(String key) {
        this.key = key;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(c -> c.key).toList();
    }
}
