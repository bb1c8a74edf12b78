package app.leadgen.places;

import app.leadgen.discovery.PlaceHit;
import app.leadgen.discovery.PlaceQuery;
import app.leadgen.discovery.PlaceSearch;
import app.leadgen.leads.PlaceData;
import app.leadgen.leads.PlaceStore;
import app.leadgen.locations.TargetLocation;
import app.leadgen.locations.TargetLocations;
import app.leadgen.runs.RunContext;
import app.leadgen.runs.RunFailure;
import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The discovery step of a Places run: a Text Search for every location × category (one after the
 * other, stop-aware between searches, every page in the ledger; a search made within 24 hours is
 * answered from {@link PlaceSearchCache}), and every place not known yet stored once, forever.
 * Rejected credentials and malformed requests fail the run; another failing search is skipped with a
 * warning, unless no search worked at all.
 */
@Component
class PlaceDiscovery {

    private static final Logger log = LoggerFactory.getLogger(PlaceDiscovery.class);

    private final PlaceSearch search;
    private final TargetLocations locations;
    private final PlaceStore places;
    private final PlaceSearchCache cache;

    PlaceDiscovery(PlaceSearch search, TargetLocations locations, PlaceStore places, PlaceSearchCache cache) {
        this.search = search;
        this.locations = locations;
        this.places = places;
        this.cache = cache;
    }

    private record Search(TargetLocation location, String category) {}

    void discover(RunContext run) {
        long runId = run.id();
        Cancellation cancellation = run.cancellation();
        run.stage(PlacesPipeline.PLACES);
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
        for (TargetLocation location : locations.byIds(PlacesPipeline.ids(run.param(PlacesPipeline.LOCATION_IDS)))) {
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
}
