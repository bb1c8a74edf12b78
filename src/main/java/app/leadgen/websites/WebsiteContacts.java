package app.leadgen.websites;

import app.leadgen.support.Cancellation;
import app.leadgen.websites.extract.Sites;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Contacts of one website: the home page, then up to {@code maxPages} contact pages of the same
 * site (Impressum, Kontakt, Über uns, … as linked from the pages read), one after the other. Every
 * address gets its domain's DNS check. Only when no address was found at all, the usual
 * addresses on the site's own domain are suggested as {@link SiteContacts#guessedEmails()}.
 * Thread-safe; call it from as many threads as sites should be read at once.
 *
 * <p>An emergency stop (the {@link Cancellation} bound to the calling thread) aborts the page in
 * flight and ends the read with a {@link CancellationException}: a half-read site is no result.
 */
public class WebsiteContacts {

    static final List<String> GUESS_PREFIXES = List.of("info", "kontakt", "hello", "contact");

    private final int maxPages;
    private final SafeFetcher fetcher;
    private final ContactExtractor extractor;
    private final EmailDomainCheck domainCheck;

    public WebsiteContacts(
            int maxPages, SafeFetcher fetcher, ContactExtractor extractor, EmailDomainCheck domainCheck) {
        this.maxPages = maxPages;
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.domainCheck = domainCheck;
    }

    /**
     * Never throws for anything the site does; an unusable URL gives an empty result with one error.
     *
     * @throws CancellationException when the caller's run was cancelled while the site was read
     */
    public SiteContacts find(String website) {
        Optional<URI> start = Sites.website(website);
        if (start.isEmpty()) {
            var error = new SiteContacts.PageError(
                    null, FetchResult.Outcome.FAILED.name(), "not a website URL: " + website);
            var home = new SiteContacts.Home(FetchResult.Outcome.FAILED, 0, null, false);
            return new SiteContacts(null, home, List.of(), List.of(), List.of(), List.of(), List.of(error), List.of());
        }
        return new Crawl(start.get()).run();
    }

    /** The state of reading one site. */
    private final class Crawl {
        private final URI start;
        private final Deque<URI> queue = new ArrayDeque<>();
        private final Set<URI> seen = new HashSet<>();
        private final Map<String, URI> emails = new LinkedHashMap<>();
        private final Map<String, URI> phones = new LinkedHashMap<>();
        private final Map<SocialLink, URI> socials = new LinkedHashMap<>();
        private final List<URI> pagesFetched = new ArrayList<>();
        private final List<SiteContacts.PageError> errors = new ArrayList<>();
        private final Map<String, EmailCheck> checks = new HashMap<>();
        private URI site;

        Crawl(URI start) {
            this.start = start;
            this.site = start;
        }

        SiteContacts run() {
            seen.add(start);
            FetchResult first = unlessCancelled(fetcher.fetch(start));
            SiteContacts.Home home;
            if (first instanceof FetchResult.Ok ok) {
                site = ok.url(); // after redirects: http://firma.de may live at https://www.firma.de
                seen.add(ok.url());
                PageContacts contacts = read(ok);
                home = new SiteContacts.Home(ok.outcome(), ok.status(), ok.url(), contacts.metaTags());
            } else {
                error(first);
                home = failedHome(first);
            }
            for (int fetched = 0; fetched < maxPages && !queue.isEmpty(); fetched++) {
                FetchResult page = unlessCancelled(fetcher.fetch(queue.poll()));
                if (!(page instanceof FetchResult.Ok ok)) {
                    error(page);
                } else if (!Sites.sameSite(site, ok.url())) {
                    // e.g. an Impressum shared with the web agency: its contacts are not this business's
                    errors.add(new SiteContacts.PageError(ok.url(), "LEFT_SITE", "redirected off the site"));
                } else {
                    seen.add(ok.url());
                    read(ok);
                }
            }
            unlessCancelled(null); // the DNS checks of the addresses are part of the read
            return result(home);
        }

        private FetchResult unlessCancelled(FetchResult page) {
            Cancellation cancellation = Cancellation.current();
            if (page instanceof FetchResult.Cancelled || (cancellation != null && cancellation.cancelled())) {
                throw new CancellationException("reading " + start + " was cancelled by an emergency stop");
            }
            return page;
        }

        private PageContacts read(FetchResult.Ok page) {
            PageContacts contacts = extractor.extract(page.body(), page.url());
            pagesFetched.add(page.url());
            contacts.emails().forEach(e -> emails.putIfAbsent(e, page.url()));
            contacts.phones().forEach(p -> phones.putIfAbsent(p, page.url()));
            contacts.socials().forEach(s -> socials.putIfAbsent(s, page.url()));
            for (URI link : contacts.contactPages()) {
                if (seen.add(link)) {
                    queue.add(link);
                }
            }
            return contacts;
        }

        private void error(FetchResult result) {
            errors.add(new SiteContacts.PageError(result.url(), result.outcome().name(), result.detail()));
        }

        private SiteContacts result(SiteContacts.Home home) {
            String siteHost = Sites.siteHost(site);
            List<SiteContacts.FoundEmail> found = emails.entrySet().stream()
                    .map(e -> new SiteContacts.FoundEmail(e.getKey(), e.getValue(), check(e.getKey())))
                    .sorted(Comparator.comparing(e -> onDomain(e.address(), siteHost) ? 0 : 1))
                    .toList();
            return new SiteContacts(
                    start,
                    home,
                    found,
                    phones.entrySet().stream()
                            .map(p -> new SiteContacts.FoundPhone(p.getKey(), p.getValue()))
                            .toList(),
                    socials.entrySet().stream()
                            .map(s -> new SiteContacts.FoundSocial(s.getKey(), s.getValue()))
                            .toList(),
                    List.copyOf(pagesFetched),
                    List.copyOf(errors),
                    found.isEmpty() ? guesses(siteHost) : List.of());
        }

        private List<SiteContacts.GuessedEmail> guesses(String siteHost) {
            if (!Sites.ownDomain(siteHost)) {
                return List.of();
            }
            EmailCheck check = check(siteHost);
            return GUESS_PREFIXES.stream()
                    .map(prefix -> new SiteContacts.GuessedEmail(prefix + "@" + siteHost, check))
                    .toList();
        }

        /** One DNS check per domain and site: most addresses of a site share its domain. */
        private EmailCheck check(String emailOrDomain) {
            String domain = emailOrDomain.substring(emailOrDomain.lastIndexOf('@') + 1);
            return checks.computeIfAbsent(domain, domainCheck::check);
        }
    }

    private static boolean onDomain(String email, String siteHost) {
        String domain = email.substring(email.lastIndexOf('@') + 1);
        return domain.equals(siteHost) || domain.endsWith("." + siteHost) || siteHost.endsWith("." + domain);
    }

    private static SiteContacts.Home failedHome(FetchResult result) {
        int status = result instanceof FetchResult.HttpError error ? error.status() : 0;
        return new SiteContacts.Home(result.outcome(), status, result.url(), false);
    }
}
