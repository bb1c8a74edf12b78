package app.leadgen.runs;

import app.leadgen.discovery.PlaceHit;
import app.leadgen.discovery.PlaceQuery;
import app.leadgen.discovery.PlaceSearch;
import app.leadgen.leads.PlaceCheck;
import app.leadgen.leads.PlaceData;
import app.leadgen.leads.PlaceStore;
import app.leadgen.leads.ScoreReason;
import app.leadgen.leads.StoredPlace;
import app.leadgen.locations.TargetLocation;
import app.leadgen.locations.TargetLocations;
import app.leadgen.qualification.BusinessFacts;
import app.leadgen.qualification.Qualification;
import app.leadgen.qualification.Qualifier;
import app.leadgen.runs.RunProgress.Counter;
import app.leadgen.support.Cancellation;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.websites.SiteContacts;
import app.leadgen.websites.WebsiteContacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One Places run (spec §7 steps 1–3): Text Search for every location × category (one after the
 * other, stop-aware between calls, every call in the ledger) → each place not known yet is stored
 * once, forever → every new place's website is read (home page and contact pages, a few sites at
 * once) → score and reasons from the §5.2 rules, status qualified or disqualified → contacts from
 * the site fill only empty fields (source {@code website:<page>}; a guessed address is stored as
 * guessed) → a qualified place without any address becomes {@code no_email}.
 *
 * <p>Rejected credentials (401/403) and rejected requests (400) fail the run; another failing
 * search is skipped with a warning, unless no search worked at all.
 *
 * <p>An emergency stop (the flag in the database, watched every {@link PipelineLimits#stopPollMillis()})
 * cancels the run's {@link Cancellation}: the Text Search and the website reads in flight are
 * aborted (their connections closed), a place whose site was being read keeps no score, and the run
 * ends STOPPED with everything stored before.
 */
@Component
class PlacesPipeline {

    static final int SITES_IN_FLIGHT = 4;
    private static final Logger log = LoggerFactory.getLogger(PlacesPipeline.class);

    private final RunRepository runs;
    private final RunProgress progress;
    private final PlaceSearch search;
    private final TargetLocations locations;
    private final PlaceStore places;
    private final WebsiteContacts websites;
    private final Qualifier qualifier;
    private final MessageSource messages;

    private final RunWatch watch;

    PlacesPipeline(
            RunRepository runs,
            RunProgress progress,
            PlaceSearch search,
            TargetLocations locations,
            PlaceStore places,
            WebsiteContacts websites,
            Qualifier qualifier,
            MessageSource messages,
            RunWatch watch) {
        this.watch = watch;
        this.runs = runs;
        this.progress = progress;
        this.search = search;
        this.locations = locations;
        this.places = places;
        this.websites = websites;
        this.qualifier = qualifier;
        this.messages = messages;
    }

    void execute(long runId) {
        Run run = runs.findById(runId).orElse(null);
        if (run == null || !progress.start(runId)) {
            return;
        }
        Cancellation cancellation = new Cancellation();
        progress.beat(runId);
        watch.run(runId, cancellation, () -> progress.beat(runId), () -> pipeline(runId, run, cancellation));
    }

    private void pipeline(long runId, Run run, Cancellation cancellation) {
        try {
            // a resumed run whose searches were all made goes on with the check of what it stored
            boolean searched = run.placesSearchesTotal > 0 && run.placesSearches >= run.placesSearchesTotal;
            if (!searched) {
                discover(runId, run, cancellation);
            }
            if (stopIfRequested(runId)) {
                return;
            }
            progress.stage(runId, RunStage.QUALIFY);
            check(runId, cancellation);
            if (stopIfRequested(runId)) {
                return;
            }
            progress.finish(runId, RunStatus.COMPLETED, null);
        } catch (ExternalServiceException e) {
            if (stopIfRequested(runId)) {
                return; // the failure was the cancellation of an emergency stop
            }
            progress.finish(runId, RunStatus.FAILED, describe(e));
        } catch (RuntimeException e) {
            log.error("run {} failed", runId, e);
            progress.finish(
                    runId,
                    RunStatus.FAILED,
                    text("run.error.internal", e.getClass().getSimpleName()));
        }
    }

    private record Search(TargetLocation location, String category) {}

    private void discover(long runId, Run run, Cancellation cancellation) {
        progress.stage(runId, RunStage.PLACES);
        List<Search> searches = new ArrayList<>();
        for (TargetLocation location : locations.byIds(ids(run.locationIds))) {
            for (String category : location.categories()) {
                if (!category.isBlank()) {
                    searches.add(new Search(location, category.strip()));
                }
            }
        }
        progress.set(runId, Counter.PLACES_SEARCHES_TOTAL, searches.size());
        progress.set(runId, Counter.PLACES_SEARCHES, 0);
        int worked = 0;
        int failed = 0;
        ExternalServiceException lastFailure = null;
        for (Search s : searches) {
            if (cancellation.cancelled() || progress.stopRequested(runId)) {
                return;
            }
            TargetLocation l = s.location();
            PlaceQuery query = new PlaceQuery(s.category(), l.city(), l.latitude(), l.longitude(), l.radiusMeters());
            boolean[] pageFailed = {false};
            List<PlaceHit> hits;
            try {
                hits = search.search(query, outcome -> {
                    progress.ledger(runId, "places", "text-search", 1, outcome);
                    pageFailed[0] |= !"ok".equals(outcome);
                    return !cancellation.cancelled() && !progress.stopRequested(runId);
                });
            } catch (ExternalServiceException e) {
                if (cancellation.cancelled()) {
                    return;
                }
                if (e.credentialsRejected() || e.status() == 400) {
                    throw e; // every further search would fail the same way
                }
                log.warn("run {}: Places search \"{}\" failed ({})", runId, query.textQuery(), e.errorType());
                failed++;
                lastFailure = e;
                progress.add(runId, Counter.PLACES_SEARCHES, 1);
                continue;
            }
            worked++;
            if (pageFailed[0]) {
                failed++;
            }
            store(runId, run.keyword, s, hits);
            progress.add(runId, Counter.PLACES_SEARCHES, 1);
        }
        if (worked == 0 && lastFailure != null) {
            throw lastFailure;
        }
        if (failed > 0) {
            progress.warn(runId, text("run.warning.places-failed", failed, searches.size()));
        }
    }

    private void store(long runId, String keyword, Search s, List<PlaceHit> hits) {
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
            if (places.saveIfNew(runId, keyword, data)) {
                fresh++;
            }
        }
        progress.add(runId, Counter.PLACES_FOUND, found);
        progress.add(runId, Counter.PLACES_NEW, fresh);
        progress.add(runId, Counter.PLACES_KNOWN, found - fresh);
    }

    private void check(long runId, Cancellation cancellation) {
        List<StoredPlace> todo = places.discoveredBy(runId);
        AtomicReference<RuntimeException> unexpected = new AtomicReference<>();
        Parallel.forEach("places-sites-" + runId, SITES_IN_FLIGHT, todo, cancellation, place -> {
            if (cancellation.cancelled() || progress.stopRequested(runId)) {
                return;
            }
            try {
                checkOne(runId, place, cancellation);
            } catch (CancellationException e) {
                // an emergency stop aborted its website read: nothing of it is stored, a resume reads it again
            } catch (RuntimeException e) {
                // one unreadable site or unstorable value must not take the run down
                unexpected.compareAndSet(null, e);
                log.error("run {}: place {} could not be checked", runId, place.placeId(), e);
            }
        });
        if (unexpected.get() != null) {
            progress.warn(
                    runId,
                    text("run.warning.places-check", unexpected.get().getClass().getSimpleName()));
        }
    }

    private void checkOne(long runId, StoredPlace place, Cancellation cancellation) {
        SiteContacts site = blank(place.website()) ? null : websites.find(place.website());
        if (cancellation.cancelled()) {
            return; // the run has ended: a place checked now would be stored after its STOPPED
        }
        if (site != null) {
            progress.add(runId, Counter.SITES_CHECKED, 1);
        }
        String email = null;
        String emailSource = null;
        String emailCheck = null;
        boolean guessed = false;
        if (blank(place.email())) {
            var found = SiteFindings.email(site);
            var guess = SiteFindings.guess(site);
            if (found.isPresent()) {
                email = found.get().address();
                emailSource = found.get().source();
                emailCheck = found.get().check().value();
                progress.add(runId, Counter.EMAILS_FOUND, 1);
            } else if (guess.isPresent()) {
                email = guess.get().address();
                emailSource = guess.get().source();
                emailCheck = guess.get().check().value();
                guessed = true;
            }
        }
        String phone = null;
        String phoneSource = null;
        if (blank(place.phone())) {
            var found = SiteFindings.phone(site);
            if (found.isPresent()) {
                phone = found.get().e164();
                phoneSource = found.get().source();
            }
        }
        BusinessFacts facts = new BusinessFacts(
                SiteFindings.website(site),
                site != null && site.home().metaTags(),
                SiteFindings.instagramOrFacebook(site),
                place.rating(),
                !blank(place.phone()) || phone != null);
        Qualification verdict = qualifier.qualify(facts);
        boolean qualified = verdict.status() == Qualification.Status.QUALIFIED;
        boolean hasEmail = !blank(place.email()) || email != null;
        String status = !qualified
                ? PlaceStore.STATUS_DISQUALIFIED
                : hasEmail ? PlaceStore.STATUS_QUALIFIED : PlaceStore.STATUS_NO_EMAIL;
        List<ScoreReason> reasons = verdict.score().reasons().stream()
                .map(r -> new ScoreReason(r.rule(), r.points()))
                .toList();
        places.saveCheck(
                place.placeId(),
                new PlaceCheck(
                        verdict.score().total(),
                        reasons,
                        status,
                        email,
                        emailSource,
                        emailCheck,
                        guessed,
                        phone,
                        phoneSource));
        progress.add(runId, qualified ? Counter.QUALIFIED : Counter.DISQUALIFIED, 1);
    }

    private boolean stopIfRequested(long runId) {
        if (progress.stopRequested(runId)) {
            progress.finish(runId, RunStatus.STOPPED, null);
            return true;
        }
        return false;
    }

    private String describe(ExternalServiceException e) {
        if (e.credentialsRejected()) {
            return text("run.error.places-rejected", e.status(), e.getMessage());
        }
        if (e.status() == 400) {
            return text("run.error.places-invalid", e.errorType(), e.getMessage());
        }
        return text(
                "run.error.service",
                "Google Places",
                e.status() == 0 ? e.errorType() : "HTTP " + e.status(),
                e.getMessage());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.GERMAN);
    }

    private static List<Long> ids(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
