package app.leadgen.places;

import app.leadgen.discovery.PlaceHit;
import app.leadgen.discovery.PlaceQuery;
import app.leadgen.discovery.PlaceSearch;
import app.leadgen.leads.PlaceData;
import app.leadgen.leads.PlaceStore;
import app.leadgen.locations.TargetLocation;
import app.leadgen.locations.TargetLocations;
import app.leadgen.runs.Counts;
import app.leadgen.runs.Pipeline;
import app.leadgen.runs.RunContext;
import app.leadgen.runs.RunFailure;
import app.leadgen.runs.RunRequest;
import app.leadgen.runs.StartRequest;
import app.leadgen.runs.Text;
import app.leadgen.support.ApiProblem;
import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * One Places run (spec §7 steps 1–3): Text Search for every location × category (one after the
 * other, stop-aware between searches, every call in the ledger) → each place not known yet is stored
 * once, forever → every new place's website is read (home page and contact pages, a few sites at
 * once) → score and reasons from the §5.2 rules, status qualified or disqualified → contacts from
 * the site fill only empty fields (source {@code website:<page>}; a guessed address is stored as
 * guessed) → a qualified place without any address becomes {@code no_email}.
 *
 * <p>Rejected credentials (401/403) and rejected requests (400) fail the run; another failing
 * search is skipped with a warning, unless no search worked at all.
 *
 * <p>An emergency stop (the flag in the database, watched every {@code RunLimits.stopPollMillis()})
 * cancels the run's {@link Cancellation}: the Text Search and the website reads in flight are
 * aborted (their connections closed), a place whose site was being read keeps no score, and the run
 * ends STOPPED with everything stored before.
 */
@Component
class PlacesPipeline implements Pipeline {

    static final String SOURCE = "places";
    static final String PLACES = "PLACES";
    static final String QUALIFY = "QUALIFY";
    static final String LOCATION_IDS = "locationIds";
    static final int SITES_IN_FLIGHT = 4;
    private static final Logger log = LoggerFactory.getLogger(PlacesPipeline.class);

    private final PlaceSearch search;
    private final TargetLocations locations;
    private final PlaceStore places;
    private final PlaceChecks checks;
    private final PlaceSearchCache cache;

    PlacesPipeline(
            PlaceSearch search,
            TargetLocations locations,
            PlaceStore places,
            PlaceChecks checks,
            PlaceSearchCache cache) {
        this.search = search;
        this.locations = locations;
        this.places = places;
        this.checks = checks;
        this.cache = cache;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<String> stages() {
        return List.of(PLACES, QUALIFY);
    }

    @Override
    public List<String> counters() {
        return Counter.names();
    }

    @Override
    public List<String> services() {
        return List.of("places");
    }

    @Override
    public RunRequest prepare(StartRequest request) {
        if (!search.configured()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "problem.runs.places-missing");
        }
        List<TargetLocation> searchable = locations.forSearch(ids(request.body().get(LOCATION_IDS)));
        String label = String.join(
                ", ", searchable.stream().map(TargetLocation::city).distinct().toList());
        String keyword = label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
        String stored = String.join(
                ",", searchable.stream().map(l -> String.valueOf(l.id())).toList());
        return new RunRequest(keyword, Map.of(LOCATION_IDS, stored), null);
    }

    private static final int MAX_LABEL = 100;

    private static List<Long> ids(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiProblem.badRequest("problem.runs.locations-unknown", node.toString());
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode n : node) {
            if (n.isNull()) {
                continue;
            }
            if (!n.isIntegralNumber()) {
                throw ApiProblem.badRequest("problem.runs.locations-unknown", n.toString());
            }
            ids.add(n.asLong());
        }
        return ids;
    }

    @Override
    public Map<String, Object> details(long runId, Map<String, String> params) {
        Map<String, Object> details = new java.util.HashMap<>();
        details.put(LOCATION_IDS, ids(params.get(LOCATION_IDS)));
        return details;
    }

    @Override
    public Description describe(String stage, Counts c) {
        int scored = c.get("qualified") + c.get("disqualified");
        List<Text> texts = List.of(
                Text.of(
                        "run.detail.places",
                        c.get("placesSearches"),
                        c.get("placesSearchesTotal"),
                        c.get("placesFound"),
                        c.get("placesNew"),
                        c.get("placesKnown")),
                Text.of(
                        "run.detail.qualify",
                        scored,
                        c.get("placesNew"),
                        c.get("qualified"),
                        c.get("disqualified"),
                        c.get("sitesChecked"),
                        c.get("emailsFound")));
        int progress =
                switch (stage) {
                    case PLACES -> 5 + share(45, c.get("placesSearches"), c.get("placesSearchesTotal"));
                    case QUALIFY -> 50 + share(50, scored, c.get("placesNew"));
                    default -> 5;
                };
        return new Description(
                texts,
                progress,
                c.get("cacheHits") > 0
                        ? Text.of("run.costs.places-cached", c.calls("places"), c.get("cacheHits"))
                        : Text.of("run.costs.places", c.calls("places")),
                Text.of("run.summary.places", c.get("placesNew"), c.get("qualified")));
    }

    private static int share(int weight, int done, int total) {
        return total <= 0 ? 0 : Math.round(weight * Math.min(1f, done / (float) total));
    }

    @Override
    public Outcome run(RunContext run) {
        // a resumed run whose searches were all made goes on with the check of what it stored
        int total = run.count(Counter.PLACES_SEARCHES_TOTAL.key);
        boolean searched = total > 0 && run.count(Counter.PLACES_SEARCHES.key) >= total;
        if (!searched) {
            discover(run);
        }
        if (run.stopRequested()) {
            return Outcome.DONE;
        }
        run.stage(QUALIFY);
        checks.check(run);
        return Outcome.DONE;
    }

    private record Search(TargetLocation location, String category) {}

    private void discover(RunContext run) {
        long runId = run.id();
        Cancellation cancellation = run.cancellation();
        run.stage(PLACES);
        // a resumed (or retried) discovery counts its searches again from the start; the places it
        // stored before count as new to this run once more, as in a discovery that was never stopped
        java.util.Set<String> storedBefore = new java.util.HashSet<>();
        if (run.resumed()) {
            places.discoveredBy(runId).forEach(p -> storedBefore.add(p.placeId()));
            for (Counter c :
                    List.of(Counter.PLACES_FOUND, Counter.PLACES_NEW, Counter.PLACES_KNOWN, Counter.CACHE_HITS)) {
                run.set(c.key, 0);
            }
        }
        List<Search> searches = new ArrayList<>();
        for (TargetLocation location : locations.byIds(ids(run.param(LOCATION_IDS)))) {
            for (String category : location.categories()) {
                if (!category.isBlank()) {
                    searches.add(new Search(location, category.strip()));
                }
            }
        }
        run.set(Counter.PLACES_SEARCHES_TOTAL.key, searches.size());
        run.set(Counter.PLACES_SEARCHES.key, 0);
        int worked = 0;
        int failed = 0;
        ExternalServiceException lastFailure = null;
        for (Search s : searches) {
            if (cancellation.cancelled() || run.stopRequested()) {
                return;
            }
            TargetLocation l = s.location();
            PlaceQuery query = new PlaceQuery(s.category(), l.city(), l.latitude(), l.longitude(), l.radiusMeters());
            Optional<List<PlaceHit>> cached = cache.recent(l.id(), s.category(), query);
            if (cached.isPresent()) {
                // seed 002 §11: the same search within 24 hours is answered from what was stored
                run.add(Counter.CACHE_HITS.key, 1);
                worked++;
                store(run, s, cached.get(), storedBefore);
                run.add(Counter.PLACES_SEARCHES.key, 1);
                continue;
            }
            boolean[] pageFailed = {false};
            List<PlaceHit> hits;
            try {
                // a stop lets the search in flight get its remaining pages (nothing is bought twice
                // when the run is resumed); only an emergency stop cuts the paging short
                hits = search.search(query, outcome -> {
                    run.ledger("places", "text-search", 1, outcome);
                    pageFailed[0] |= !"ok".equals(outcome);
                    return !cancellation.cancelled();
                });
            } catch (ExternalServiceException e) {
                if (cancellation.cancelled()) {
                    return;
                }
                if (everySearchWouldFail(e)) {
                    throw failure(e);
                }
                log.warn("run {}: Places search \"{}\" failed ({})", runId, query.textQuery(), e.errorType());
                failed++;
                lastFailure = e;
                run.add(Counter.PLACES_SEARCHES.key, 1);
                continue;
            }
            if (cancellation.cancelled()) {
                // cut short between pages: keep the places, but neither cache nor count the search, so
                // a resume asks again for all of it
                store(run, s, hits, storedBefore);
                return;
            }
            worked++;
            if (pageFailed[0]) {
                failed++;
            } else {
                cache.keep(l.id(), s.category(), query, hits);
            }
            store(run, s, hits, storedBefore);
            run.add(Counter.PLACES_SEARCHES.key, 1);
        }
        if (worked == 0 && lastFailure != null) {
            throw lastFailure;
        }
        if (failed > 0) {
            run.warn("run.warning.places-failed", failed, searches.size());
        }
    }

    /**
     * Rejected credentials or quota, or a request Google calls malformed (400: the field mask, a
     * parameter): every further search would fail the same way. Anything else (a 404 for one query, a
     * 5xx after its retries) is one failed search among many.
     */
    private static boolean everySearchWouldFail(ExternalServiceException e) {
        return e.kind() == FailureKind.CREDENTIALS
                || e.kind() == FailureKind.QUOTA
                || (e.kind() == FailureKind.BAD_REQUEST && e.status() == 400);
    }

    private static RunFailure failure(ExternalServiceException e) {
        if (e.kind() == FailureKind.BAD_REQUEST) {
            return new RunFailure("run.error.places-invalid", e.errorType(), e.getMessage());
        }
        return new RunFailure("run.error.places-rejected", e.status(), e.getMessage());
    }

    /** Stores the hits not known yet; {@code storedBefore}: this run's own places from before a resume. */
    private void store(RunContext run, Search s, List<PlaceHit> hits, java.util.Set<String> storedBefore) {
        long runId = run.id();
        String keyword = run.keyword();
        int found = 0;
        int fresh = 0;
        for (PlaceHit hit : hits) {
            if (hit.closedPermanently()) {
                continue; // no business to write to any more
            }
            found++;
            PlaceData data = new PlaceData(
                    hit.placeId(),
                    hit.name(),
                    s.category(),
                    hit.address(),
                    s.location().city(),
                    hit.phone(),
                    hit.website(),
                    hit.rating(),
                    hit.reviewCount(),
                    hit.mapsUrl(),
                    hit.businessStatus(),
                    s.location().id());
            if (places.saveIfNew(runId, keyword, data) || storedBefore.remove(hit.placeId())) {
                fresh++;
            }
        }
        run.add(Counter.PLACES_FOUND.key, found);
        run.add(Counter.PLACES_NEW.key, fresh);
        run.add(Counter.PLACES_KNOWN.key, found - fresh);
    }

    private static List<Long> ids(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .map(Long::valueOf)
                .toList();
    }
}
