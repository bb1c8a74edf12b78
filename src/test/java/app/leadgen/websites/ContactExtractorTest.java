package app.leadgen.websites;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Whole pages as small German businesses write them. */
class ContactExtractorTest {

    private static final URI PAGE = URI.create("https://www.baeckerei-schmidt.de/impressum");

    private final ContactExtractor extractor = new ContactExtractor("DE");

    private PageContacts extract(String html) {
        return extractor.extract(html, PAGE);
    }

    @Test
    void impressumWithObfuscatedEmailPhoneAndFax() {
        String html =
                """
                <html><head><title>Impressum – Bäckerei Schmidt</title></head><body>
                <h1>Impressum</h1>
                <p>Angaben gemäß § 5 TMG</p>
                <p>Bäckerei Schmidt GmbH<br>Hauptstraße 12<br>10115 Berlin</p>
                <p>Vertreten durch: Anna Schmidt</p>
                <h2>Kontakt</h2>
                <p>Telefon: 030 1234567<br>Telefax: 030 1234568<br>E-Mail: info [at] baeckerei-schmidt [dot] de</p>
                <p>Registergericht: Amtsgericht Charlottenburg, HRB 123456 B<br>
                Umsatzsteuer-ID: DE123456789<br>Steuernummer: 012/345/67890</p>
                <p>IBAN: DE89 3704 0044 0532 0130 00</p>
                </body></html>""";
        PageContacts contacts = extract(html);
        assertThat(contacts.emails()).containsExactly("info@baeckerei-schmidt.de");
        assertThat(contacts.phones()).containsExactly("+49301234567");
    }

    @Test
    void mailtoWithQueryStringEncodingAndSeveralRecipients() {
        String html =
                """
                <a href="mailto:Info@Friseur-Haarmonie.de?subject=Terminanfrage%20Montag&amp;body=Hallo">Schreiben Sie uns</a>
                <a href="MAILTO:buchung%40friseur-haarmonie.de">Buchung</a>
                <a href="mailto:anna+termine@friseur-haarmonie.de,%20chef@friseur-haarmonie.de">Team</a>
                """;
        assertThat(extract(html).emails())
                .containsExactly(
                        "info@friseur-haarmonie.de",
                        "buchung@friseur-haarmonie.de",
                        "anna+termine@friseur-haarmonie.de",
                        "chef@friseur-haarmonie.de");
    }

    @Test
    void htmlEntitiesAreDecoded() {
        String html = "<p>Mail: kontakt&#64;blumen-meier.de oder &#x69;nfo&#x40;blumen-meier&#46;de</p>"
                + "<a href=\"&#109;&#97;&#105;&#108;&#116;&#111;&#58;shop&#64;blumen-meier.de\">Shop</a>";
        assertThat(extract(html).emails())
                .containsExactlyInAnyOrder("kontakt@blumen-meier.de", "info@blumen-meier.de", "shop@blumen-meier.de");
    }

    @Test
    void jsonLdLocalBusinessWithContactPointAndSameAs() {
        String html =
                """
                <head><script type="application/ld+json">
                {
                  "@context": "https://schema.org",
                  "@graph": [{
                    "@type": "LocalBusiness",
                    "name": "Café Sonnenschein",
                    "email": "mailto:hallo@cafe-sonnenschein.de",
                    "telephone": "+49 89 2345678",
                    "sameAs": ["https://www.instagram.com/cafe.sonnenschein/", "https://www.facebook.com/CafeSonnenschein"],
                    "contactPoint": {"@type": "ContactPoint", "telephone": "0171/1234567", "email": "events@cafe-sonnenschein.de"},
                  }]
                }
                </script></head><body><p>Willkommen!</p></body>
                """;
        PageContacts contacts = extract(html);
        assertThat(contacts.emails()).containsExactly("hallo@cafe-sonnenschein.de", "events@cafe-sonnenschein.de");
        assertThat(contacts.phones()).containsExactly("+49892345678", "+491711234567");
        assertThat(contacts.socials())
                .containsExactly(
                        new SocialLink("instagram", "https://www.instagram.com/cafe.sonnenschein"),
                        new SocialLink("facebook", "https://www.facebook.com/CafeSonnenschein"));
    }

    @Test
    void brokenJsonLdIsStillSearched() {
        String html =
                "<script type=\"application/ld+json\">{\"@type\": \"Store\", \"email\": \"laden@moebel-kraus.de\","
                        + " \"telephone\": \"06221 987654\" \"name\": broken</script>";
        PageContacts contacts = extract(html);
        assertThat(contacts.emails()).containsExactly("laden@moebel-kraus.de");
        assertThat(contacts.phones()).containsExactly("+496221987654");
    }

    @Test
    void germanPhoneFormatsAndTelLinks() {
        String html =
                """
                <p>Tel.: 030 1234567</p>
                <p>Telefon: +49 (0)30 123 45 67</p>
                <p>Mobil: 0171/1234567</p>
                <p>Fon (089) 12 34 56-0</p>
                <a href="tel:+49-40-3456789">Anrufen</a>
                <a href="tel:0049%2069%20123456">Frankfurt</a>
                """;
        assertThat(extract(html).phones())
                .containsExactly("+49403456789", "+4969123456", "+49301234567", "+491711234567", "+49891234560");
    }

    @Test
    void dateTimesPostcodesAndRegisterNumbersAreNotPhones() {
        String html = "<p>Öffnungszeiten Mo–Fr 08:00–18:00 Uhr, Stand 01.03.2024</p>"
                + "<p>01067 Dresden, 12345 Berlin</p><p>HRB 12345, USt-IdNr. DE 123456789</p>";
        assertThat(extract(html).phones()).isEmpty();
    }

    @Test
    void phoneAndFaxOnOneLabelIsKept() {
        assertThat(extract("<p>Tel./Fax: 0351 4567890</p>").phones()).containsExactly("+493514567890");
        assertThat(extract("<p>Fax: 0351 4567891</p>").phones()).isEmpty();
    }

    @Test
    void otherObfuscations() {
        String html =
                """
                <p>info(at)tischlerei-wolf.de</p>
                <p>werkstatt {ät} tischlerei-wolf (punkt) de</p>
                <p>buero at tischlerei-wolf dot de</p>
                <p>post @ tischlerei-wolf.de</p>
                <p>Treffen at home, dot com bubble</p>
                """;
        assertThat(extract(html).emails())
                .containsExactly(
                        "info@tischlerei-wolf.de",
                        "werkstatt@tischlerei-wolf.de",
                        "buero@tischlerei-wolf.de",
                        "post@tischlerei-wolf.de");
    }

    @Test
    void addressSplitOverInlineElementsAndGluedToTheNextWord() {
        String html = "<p><span>info</span><span>@</span><span>weinhandlung-berg.de</span><span>Telefon</span></p>";
        assertThat(extract(html).emails()).containsExactly("info@weinhandlung-berg.de");
    }

    @Test
    void cloudflareProtectedAddresses() {
        // "info@firma.de" XOR 0x42, as Cloudflare writes it
        String hex = cloudflare("info@firma.de", 0x42);
        String html = "<a href=\"/cdn-cgi/l/email-protection#" + hex + "\"><span class=\"__cf_email__\" data-cfemail=\""
                + cloudflare("team@firma.de", 0x17) + "\">[email&#160;protected]</span></a>";
        assertThat(extract(html).emails()).containsExactly("info@firma.de", "team@firma.de");
    }

    @Test
    void nonAddressesAreDropped() {
        String html =
                """
                <img src="/img/logo@2x.png" alt="logo@2x.png"><p>bg@3x.webp</p>
                <p>Beispiel: max.mustermann@example.com, name@domain.de, ihre.email@beispiel.de</p>
                <p>4f9c2b1e8a7d6c5b4a3f2e1d0c9b8a7f@o123456.ingest.sentry.io</p>
                <p>abc@sentry.wixpress.com</p>
                <p>kaputt@@firma.de, .punkt@firma.de, ohne-tld@firma, a..b@firma.de</p>
                <p>echt@optik-lange.de</p>
                """;
        assertThat(extract(html).emails()).containsExactly("echt@optik-lange.de");
    }

    @Test
    void umlautDomainsAreKept() {
        assertThat(extract("<p>E-Mail: info@bäckerei-müller.de</p>").emails())
                .containsExactly("info@bäckerei-müller.de");
    }

    @Test
    void socialProfilesButNotShareButtonsOrPosts() {
        String html =
                """
                <a href="https://instagram.com/Friseur_Haarmonie?igsh=abc">Instagram</a>
                <a href="https://www.instagram.com/p/C1234567/">Post</a>
                <a href="https://m.facebook.com/haarmonie.berlin/">Facebook</a>
                <a href="https://www.facebook.com/sharer/sharer.php?u=https://haarmonie.de">Teilen</a>
                <a href="https://de.linkedin.com/company/haarmonie-gmbh/">LinkedIn</a>
                <a href="https://www.linkedin.com/shareArticle?url=x">Teilen</a>
                <a href="https://www.tiktok.com/@haarmonie">TikTok</a>
                <a href="https://www.youtube.com/@haarmonie">YouTube</a>
                <a href="https://www.youtube.com/watch?v=abc">Video</a>
                <a href="https://twitter.com/haarmonie">Twitter</a>
                <a href="https://twitter.com/intent/tweet?text=x">Tweet</a>
                <a href="https://www.xing.com/pages/haarmonie-gmbh">XING</a>
                """;
        assertThat(extract(html).socials())
                .containsExactly(
                        new SocialLink("instagram", "https://www.instagram.com/friseur_haarmonie"),
                        new SocialLink("facebook", "https://www.facebook.com/haarmonie.berlin"),
                        new SocialLink("linkedin", "https://www.linkedin.com/company/haarmonie-gmbh"),
                        new SocialLink("tiktok", "https://www.tiktok.com/@haarmonie"),
                        new SocialLink("youtube", "https://www.youtube.com/@haarmonie"),
                        new SocialLink("x", "https://x.com/haarmonie"),
                        new SocialLink("xing", "https://www.xing.com/pages/haarmonie-gmbh"));
    }

    @Test
    void contactPagesOnTheSameSiteImpressumFirst() {
        String html =
                """
                <nav><a href="/">Start</a><a href="/ueber-uns/">Über uns</a><a href="kontakt.html#formular">Kontakt</a>
                <a href="https://baeckerei-schmidt.de/index.php?id=7">Impressum</a>
                <a href="https://www.agentur-xy.de/impressum">Webdesign</a>
                <a href="/downloads/kontakt.pdf">Kontaktformular (PDF)</a>
                <a href="mailto:info@baeckerei-schmidt.de">Kontakt per Mail</a>
                <a href="/kontakt.html">Kontakt (nochmal)</a></nav>
                """;
        assertThat(extract(html).contactPages())
                .containsExactly(
                        URI.create("https://baeckerei-schmidt.de/index.php?id=7"),
                        URI.create("https://www.baeckerei-schmidt.de/kontakt.html"),
                        URI.create("https://www.baeckerei-schmidt.de/ueber-uns/"));
    }

    @Test
    void brokenHtmlIsReadLikeABrowserWould() {
        String html = "<html><body><div><p>Kontakt<table><tr><td>Tel: 0221 / 987 65 43<td>Mail: "
                + "<a href=mailto:info@koeln-optik.de>info@koeln-optik.de</b></div></span><p>Impressum <a href='/impressum'>hier";
        PageContacts contacts = extractor.extract(html, URI.create("http://koeln-optik.de/"));
        assertThat(contacts.emails()).containsExactly("info@koeln-optik.de");
        assertThat(contacts.phones()).containsExactly("+492219876543");
        assertThat(contacts.contactPages()).containsExactly(URI.create("http://koeln-optik.de/impressum"));
    }

    @Test
    void metaTags() {
        assertThat(extract("<head><meta name=\"description\" content=\"Frische Brötchen\"></head>")
                        .metaTags())
                .isTrue();
        assertThat(extract("<head><meta property=\"og:title\" content=\"Bäckerei\"></head>")
                        .metaTags())
                .isTrue();
        assertThat(extract("<head><meta name=\"description\" content=\"\"><title>x</title></head>")
                        .metaTags())
                .isFalse();
    }

    @Test
    void otherRegionForNumbersWithoutCountryCode() {
        PageContacts contacts = new ContactExtractor("AT").extract("<p>Tel.: 01 234 5678</p>", PAGE);
        assertThat(contacts.phones()).containsExactly("+4312345678");
    }

    private static String cloudflare(String email, int key) {
        StringBuilder hex = new StringBuilder(String.format("%02x", key));
        for (byte b : email.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", (b ^ key) & 0xff));
        }
        return hex.toString();
    }
}
