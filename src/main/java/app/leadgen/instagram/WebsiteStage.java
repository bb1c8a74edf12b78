package app.leadgen.instagram;

import app.leadgen.leads.LeadStore;
import app.leadgen.runs.RunContext;
import app.leadgen.support.Cancellation;
import app.leadgen.support.Parallel;
import app.leadgen.websites.SiteContacts;
import app.leadgen.websites.SiteFindings;
import app.leadgen.websites.WebsiteContacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The waterfall's website step for Instagram accounts: an account that lists a website but still
 * lacks an e-mail or a phone gets them from that site (home page and contact pages), only into
 * empty fields, with the page as source ({@code website:<url>}). Guessed addresses are not stored
 * for accounts. A few sites are read at once; a stop ends the stage between sites.
 */
@Component
class WebsiteStage {

    static final int SITES_IN_FLIGHT = 4;
    private static final Logger log = LoggerFactory.getLogger(WebsiteStage.class);

    private final LeadStore leads;
    private final WebsiteContacts websites;

    WebsiteStage(LeadStore leads, WebsiteContacts websites) {
        this.leads = leads;
        this.websites = websites;
    }

    void fill(RunContext run, List<String> usernames) {
        long runId = run.id();
        Cancellation cancellation = run.cancellation();
        Map<String, String> sites = leads.websitesMissingContact(usernames);
        if (sites.isEmpty() || cancellation.cancelled() || run.stopRequested()) {
            return;
        }
        run.stage(InstagramPipeline.WEBSITES);
        Parallel.forEach(
                "websites-" + runId, SITES_IN_FLIGHT, new ArrayList<>(sites.entrySet()), cancellation, account -> {
                    if (cancellation.cancelled() || run.stopRequested()) {
                        return;
                    }
                    try {
                        SiteContacts site = websites.find(account.getValue());
                        if (cancellation.cancelled()) {
                            return; // the run has ended: nothing is stored after its STOPPED
                        }
                        run.add(Counter.SITES_CHECKED.key, 1);
                        var email = SiteFindings.email(site);
                        // an address whose domain takes no mail is kept with its check, never written to
                        var kept = email.or(() -> SiteFindings.undeliverable(site));
                        var phone = SiteFindings.phone(site);
                        leads.fillFromWebsite(
                                account.getKey(),
                                kept.map(SiteContacts.FoundEmail::address).orElse(null),
                                kept.map(SiteContacts.FoundEmail::source).orElse(null),
                                kept.map(e -> e.check().value()).orElse(null),
                                phone.map(SiteContacts.FoundPhone::e164).orElse(null),
                                phone.map(SiteContacts.FoundPhone::source).orElse(null));
                        if (email.isPresent()) {
                            run.add(Counter.EMAILS_FOUND.key, 1);
                        }
                    } catch (CancellationException e) {
                        // an emergency stop aborted the read: nothing of it is stored
                    } catch (RuntimeException e) {
                        log.error("run {}: the website of {} could not be read", runId, account.getKey(), e);
                    }
                });
    }
}
