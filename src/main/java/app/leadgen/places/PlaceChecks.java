package app.leadgen.places;

import static app.leadgen.support.Texts.blank;

import app.leadgen.leads.PlaceCheck;
import app.leadgen.leads.PlaceStatus;
import app.leadgen.leads.PlaceStore;
import app.leadgen.leads.ScoreReason;
import app.leadgen.leads.StoredPlace;
import app.leadgen.qualification.BusinessFacts;
import app.leadgen.qualification.Qualification;
import app.leadgen.qualification.Qualifier;
import app.leadgen.runs.RunContext;
import app.leadgen.support.Cancellation;
import app.leadgen.support.Parallel;
import app.leadgen.websites.SiteContacts;
import app.leadgen.websites.SiteFindings;
import app.leadgen.websites.WebsiteContacts;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The qualification step of a Places run: every new place's website is read (home page and
 * contact pages, a few sites at once), the §5.2 rules give score and reasons, the status follows
 * (qualified, disqualified, or no_email for a qualified place without any address), and contacts from
 * the site fill only empty fields. A place whose site read an emergency stop aborted keeps nothing of
 * it, so a resume reads it again.
 */
@Component
class PlaceChecks {

    private static final Logger log = LoggerFactory.getLogger(PlaceChecks.class);

    private final PlaceStore places;
    private final WebsiteContacts websites;
    private final Qualifier qualifier;

    PlaceChecks(PlaceStore places, WebsiteContacts websites, Qualifier qualifier) {
        this.places = places;
        this.websites = websites;
        this.qualifier = qualifier;
    }

    void check(RunContext run) {
        long runId = run.id();
        Cancellation cancellation = run.cancellation();
        List<StoredPlace> todo = places.discoveredBy(runId);
        AtomicReference<RuntimeException> unexpected = new AtomicReference<>();
        Parallel.forEach("places-sites-" + runId, PlacesPipeline.SITES_IN_FLIGHT, todo, cancellation, place -> {
            if (cancellation.cancelled() || run.stopRequested()) {
                return;
            }
            try {
                checkOne(run, place);
            } catch (CancellationException e) {
                // an emergency stop aborted its website read: nothing of it is stored, a resume reads it again
            } catch (RuntimeException e) {
                // one unreadable site or unstorable value must not take the run down
                unexpected.compareAndSet(null, e);
                log.error("run {}: place {} could not be checked", runId, place.placeId(), e);
            }
        });
        if (unexpected.get() != null) {
            run.warn("run.warning.places-check", unexpected.get().getClass().getSimpleName());
        }
    }

    private void checkOne(RunContext run, StoredPlace place) {
        Cancellation cancellation = run.cancellation();
        SiteContacts site = blank(place.website()) ? null : websites.find(place.website());
        if (cancellation.cancelled()) {
            return; // the run has ended: a place checked now would be stored after its STOPPED
        }
        if (site != null) {
            run.add(Counter.SITES_CHECKED.key, 1);
        }
        String email = null;
        String emailSource = null;
        String emailCheck = null;
        boolean guessed = false;
        boolean undeliverable = false;
        if (blank(place.email())) {
            var found = SiteFindings.email(site);
            var guess = SiteFindings.guess(site);
            var dead = SiteFindings.undeliverable(site);
            if (found.isPresent()) {
                email = found.get().address();
                emailSource = found.get().source();
                emailCheck = found.get().check().value();
                run.add(Counter.EMAILS_FOUND.key, 1);
            } else if (guess.isPresent()) {
                email = guess.get().address();
                emailSource = guess.get().source();
                emailCheck = guess.get().check().value();
                guessed = true;
            } else if (dead.isPresent()) {
                // kept with its check (no_domain) and shown; outreach never writes to it
                email = dead.get().address();
                emailSource = dead.get().source();
                emailCheck = dead.get().check().value();
                undeliverable = true;
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
                PlaceFacts.website(site),
                site != null && site.home().metaTags(),
                PlaceFacts.instagramOrFacebook(site),
                place.rating(),
                !blank(place.phone()) || phone != null);
        Qualification verdict = qualifier.qualify(facts);
        boolean qualified = verdict.status() == Qualification.Status.QUALIFIED;
        boolean hasEmail = !blank(place.email()) || (email != null && !undeliverable);
        PlaceStatus status =
                !qualified ? PlaceStatus.DISQUALIFIED : hasEmail ? PlaceStatus.QUALIFIED : PlaceStatus.NO_EMAIL;
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
        run.add((qualified ? Counter.QUALIFIED : Counter.DISQUALIFIED).key, 1);
    }
}
