package app.leadgen.websites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.leadgen.testing.LocalWeb;
import app.leadgen.testing.WebsiteSettings;
import app.leadgen.websites.EmailDomainCheck.Answer;
import app.leadgen.websites.FetchResult.Outcome;
import app.leadgen.websites.SiteContacts.FoundEmail;
import app.leadgen.websites.SiteContacts.FoundPhone;
import app.leadgen.websites.SiteContacts.FoundSocial;
import app.leadgen.websites.SiteContacts.GuessedEmail;
import app.leadgen.websites.SiteContacts.PageError;
import app.leadgen.websites.fetch.HttpSafeFetcher;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whole sites of small German businesses on a local server (allow-private on, their names routed
 * to it): Impressum and Kontakt pages, obfuscated and Cloudflare-protected addresses, broken HTML,
 * redirects on and off the site, a 500, a page that never answers and one that never ends. E-mail
 * domains are "checked" by a fixed table instead of DNS.
 */
class WebsiteContactsTest {

    /** MX answers per domain; everything else does not exist. */
    private static final Map<String, Answer> MX = Map.of(
            "baeckerei-schmidt.de", Answer.FOUND,
            "friseur-haarmonie.de", Answer.FOUND,
            "gmx.de", Answer.FOUND,
            "blumen-meier.de", Answer.FOUND,
            "moebel-kraus.de", Answer.FOUND);

    private final LocalWeb web = LocalWeb.start();
    private HttpSafeFetcher fetcher = new HttpSafeFetcher(WebsiteSettings.local(), web.resolver(), web.router());
    private final EmailDomainCheck domainCheck =
            new EmailDomainCheck((domain, type) -> type == EmailDomainCheck.RecordType.MX
                    ? MX.getOrDefault(domain, Answer.NO_SUCH_DOMAIN)
                    : Answer.NO_SUCH_DOMAIN);

    private WebsiteContacts contacts(int maxPages) {
        return new WebsiteContacts(maxPages, fetcher, new ContactExtractor("DE"), domainCheck);
    }

    @AfterEach
    void close() {
        fetcher.close();
        web.close();
    }

    private static URI url(String url) {
        return URI.create(url);
    }

    @Test
    void bakeryWithImpressumKontaktAndUeberUns() {
        String site = "www.baeckerei-schmidt.de";
        web.redirect("baeckerei-schmidt.de", "/", 301, "http://www.baeckerei-schmidt.de/")
                .resource(site, "/", "websites/baeckerei-schmidt/index.html")
                .resource(site, "/impressum/", "websites/baeckerei-schmidt/impressum.html")
                .resource(site, "/kontakt/", "websites/baeckerei-schmidt/kontakt.html")
                .resource(site, "/ueber-uns/", "websites/baeckerei-schmidt/ueber-uns.html")
                .page("www.webagentur-nord.de", "/impressum", "<p>hallo@webagentur-nord.de</p>");

        SiteContacts found = contacts(4).find("baeckerei-schmidt.de");

        URI home = url("http://www.baeckerei-schmidt.de/");
        URI impressum = url("http://www.baeckerei-schmidt.de/impressum/");
        URI kontakt = url("http://www.baeckerei-schmidt.de/kontakt/");
        URI ueberUns = url("http://www.baeckerei-schmidt.de/ueber-uns/");
        assertThat(found.website()).isEqualTo(url("http://baeckerei-schmidt.de/"));
        assertThat(found.home()).isEqualTo(new SiteContacts.Home(Outcome.OK, 200, home, true));
        assertThat(found.emails())
                .containsExactly(
                        new FoundEmail("info@baeckerei-schmidt.de", impressum, EmailCheck.OK),
                        new FoundEmail("bestellung@baeckerei-schmidt.de", kontakt, EmailCheck.OK));
        assertThat(found.emails().get(0).source()).isEqualTo("website:http://www.baeckerei-schmidt.de/impressum/");
        assertThat(found.phones()).containsExactly(new FoundPhone("+49301234567", home));
        assertThat(found.socials())
                .containsExactly(
                        new FoundSocial(
                                new SocialLink("instagram", "https://www.instagram.com/baeckerei_schmidt_berlin"),
                                home),
                        new FoundSocial(
                                new SocialLink("facebook", "https://www.facebook.com/BaeckereiSchmidtBerlin"),
                                ueberUns));
        assertThat(found.pagesFetched()).containsExactly(home, impressum, kontakt, ueberUns);
        assertThat(found.errors()).isEmpty();
        assertThat(found.guessedEmails()).isEmpty();
        // neither the agency's Impressum, nor Sortiment or Datenschutz
        assertThat(web.requests())
                .containsExactly(
                        "baeckerei-schmidt.de/",
                        "www.baeckerei-schmidt.de/",
                        "www.baeckerei-schmidt.de/impressum/",
                        "www.baeckerei-schmidt.de/kontakt/",
                        "www.baeckerei-schmidt.de/ueber-uns/");
    }

    @Test
    void pageLimitStopsAfterTheMostImportantPage() {
        String site = "www.baeckerei-schmidt.de";
        web.resource(site, "/", "websites/baeckerei-schmidt/index.html")
                .resource(site, "/impressum/", "websites/baeckerei-schmidt/impressum.html")
                .resource(site, "/kontakt/", "websites/baeckerei-schmidt/kontakt.html");
        SiteContacts found = contacts(1).find("http://www.baeckerei-schmidt.de");
        assertThat(found.pagesFetched())
                .containsExactly(
                        url("http://www.baeckerei-schmidt.de/"), url("http://www.baeckerei-schmidt.de/impressum/"));
        assertThat(found.emails()).extracting(FoundEmail::address).containsExactly("info@baeckerei-schmidt.de");
    }

    @Test
    void hairdresserWithBrokenHtmlJsonLdA500AndARedirectToTheAgency() {
        String site = "friseur-haarmonie.de";
        web.resource(site, "/", "websites/friseur-haarmonie/index.html")
                .resource(site, "/impressum.html", "websites/friseur-haarmonie/impressum.html")
                .status(site, "/kontakt.html", 500)
                .redirect(site, "/ueber-uns.html", 302, "http://www.webagentur-nord.de/kunden/haarmonie")
                .page("www.webagentur-nord.de", "/kunden/haarmonie", "<p>Projekt von hallo@webagentur-nord.de</p>");

        SiteContacts found = contacts(4).find("http://friseur-haarmonie.de");

        URI home = url("http://friseur-haarmonie.de/");
        URI impressum = url("http://friseur-haarmonie.de/impressum.html");
        assertThat(found.emails())
                .containsExactly(
                        new FoundEmail("termine@friseur-haarmonie.de", home, EmailCheck.OK),
                        new FoundEmail("friseur.haarmonie@gmx.de", home, EmailCheck.OK));
        assertThat(found.phones())
                .containsExactly(new FoundPhone("+492219876543", home), new FoundPhone("+491712345678", impressum));
        assertThat(found.socials())
                .extracting(s -> s.link().url())
                .containsExactly("https://www.instagram.com/friseur.haarmonie");
        assertThat(found.home().metaTags()).isFalse();
        assertThat(found.errors())
                .containsExactly(
                        new PageError(url("http://friseur-haarmonie.de/kontakt.html"), "HTTP_ERROR", "HTTP 500"),
                        new PageError(
                                url("http://www.webagentur-nord.de/kunden/haarmonie"),
                                "LEFT_SITE",
                                "redirected off the site"));
        assertThat(found.guessedEmails()).isEmpty();
    }

    @Test
    void floristWithLatin1HomeOversizedImpressumAndCloudflareProtectedAddress() {
        String site = "blumen-meier.de";
        String kontakt = LocalWeb.text("websites/blumen-meier/kontakt.html")
                .replace("CLOUDFLARE", cloudflare("laden@blumen-meier.de", 0x5a));
        web.resource(site, "/", "websites/blumen-meier/index.html", Charset.forName("windows-1252"))
                .on(site, "/impressum.php", ex -> endless(ex))
                .page(site, "/kontakt.php", kontakt);

        SiteContacts found = contacts(4).find("blumen-meier.de");

        assertThat(found.home().metaTags()).isTrue();
        assertThat(found.emails())
                .containsExactly(new FoundEmail(
                        "laden@blumen-meier.de", url("http://blumen-meier.de/kontakt.php"), EmailCheck.OK));
        assertThat(found.phones()).extracting(FoundPhone::e164).containsExactly("+491711234567");
        assertThat(found.errors())
                .extracting(PageError::url, PageError::outcome)
                .containsExactly(tuple(url("http://blumen-meier.de/impressum.php"), "TOO_LARGE"));
    }

    @Test
    void slowSiteGivesTimeoutAndGuessedAddresses() {
        web.hanging("www.moebel-kraus.de", "/");

        SiteContacts found = contacts(4).find("www.moebel-kraus.de");

        assertThat(found.home().outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(found.emails()).isEmpty();
        assertThat(found.guessedEmails())
                .containsExactly(
                        new GuessedEmail("info@moebel-kraus.de", EmailCheck.OK),
                        new GuessedEmail("kontakt@moebel-kraus.de", EmailCheck.OK),
                        new GuessedEmail("hello@moebel-kraus.de", EmailCheck.OK),
                        new GuessedEmail("contact@moebel-kraus.de", EmailCheck.OK));
        assertThat(found.guessedEmails()).allSatisfy(g -> assertThat(g.source()).isEqualTo("guessed"));
    }

    @Test
    void addressOnADeadDomainIsKeptWithItsCheckAndNothingIsGuessed() {
        web.resource("tischlerei-wolf.de", "/", "websites/tischlerei-wolf/index.html");

        SiteContacts found = contacts(4).find("tischlerei-wolf.de");

        assertThat(found.emails())
                .containsExactly(new FoundEmail(
                        "info@tischlerei-wolf-alt.de", url("http://tischlerei-wolf.de/"), EmailCheck.NO_DOMAIN));
        assertThat(found.guessedEmails()).isEmpty();
    }

    @Test
    void nothingIsGuessedOnALinkInBioService() {
        web.resource("linktr.ee", "/cafe.sonnenschein", "websites/linktree/index.html");

        SiteContacts found = contacts(4).find("linktr.ee/cafe.sonnenschein");

        assertThat(found.emails()).isEmpty();
        assertThat(found.guessedEmails()).isEmpty();
        assertThat(found.socials()).extracting(s -> s.link().network()).containsExactly("instagram", "tiktok");
    }

    @Test
    void unknownHostIsReportedForQualification() {
        SiteContacts found = contacts(4).find("www.gibt-es-nicht-mehr.de");
        assertThat(found.home().outcome()).isEqualTo(Outcome.UNKNOWN_HOST);
        assertThat(found.errors()).extracting(PageError::outcome).containsExactly("UNKNOWN_HOST");
        // guessed, but DNS says the domain does not exist: outreach skips no_domain
        assertThat(found.guessedEmails()).allSatisfy(g -> assertThat(g.check()).isEqualTo(EmailCheck.NO_DOMAIN));
    }

    @Test
    void notAUrl() {
        SiteContacts found = contacts(4).find("keine Website");
        assertThat(found.website()).isNull();
        assertThat(found.errors()).hasSize(1);
        assertThat(found.emails()).isEmpty();
        assertThat(found.guessedEmails()).isEmpty();
    }

    private static void endless(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        byte[] chunk = "<p>Impressum Impressum Impressum</p>\n".repeat(512).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
            }
        }
    }

    private static String cloudflare(String email, int key) {
        StringBuilder hex = new StringBuilder(String.format("%02x", key));
        for (byte b : email.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", (b ^ key) & 0xff));
        }
        return hex.toString();
    }
}
