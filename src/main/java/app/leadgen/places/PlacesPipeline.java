package app.leadgen.places;

import app.leadgen.discovery.PlaceSearch;
import app.leadgen.locations.TargetLocation;
import app.leadgen.locations.TargetLocations;
import app.leadgen.runs.Counts;
import app.leadgen.runs.Pipeline;
import app.leadgen.runs.RunContext;
import app.leadgen.runs.RunRequest;
import app.leadgen.runs.StartRequest;
import app.leadgen.runs.Text;
import app.leadgen.support.ApiProblem;
import app.leadgen.support.Cancellation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    private final PlaceSearch search;
    private final TargetLocations locations;
    private final PlaceDiscovery discovery;
    private final PlaceChecks checks;

    PlacesPipeline(PlaceSearch search, TargetLocations locations, PlaceDiscovery discovery, PlaceChecks checks) {
        this.search = search;
        this.locations = locations;
        this.discovery = discovery;
        this.checks = checks;
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
            discovery.discover(run);
        }
        if (run.stopRequested()) {
            return Outcome.DONE;
        }
        run.stage(QUALIFY);
        checks.check(run);
        return Outcome.DONE;
    }

    static List<Long> ids(String stored) {
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
