package app.leadgen.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The GDPR Art. 14 notice of a campaign with {@code "sourceNotice": true}: every mail's footer, text
 * and HTML alike, says where the recipient's address was found (the lead book's provenance of the
 * e-mail address, else the contact's origin), between the postal address and the unsubscribe link;
 * a campaign without it carries none.
 */
class CampaignSourceNoticeTest extends CampaignTestBase {

    @Test
    void theFooterSaysWhereTheAddressWasFoundInTextAndHtml() throws Exception {
        String u = unique();
        String fromSite = "info@site-" + u + ".de";
        String fromPlaces = "kontakt@maps-" + u + ".de";
        long site = contact("Bäckerei Site", fromSite, "Köln", "bakery", "ok");
        jdbc.sql("update contacts set provenance = :p where id = :id")
                .param(
                        "p",
                        "{\"email\": {\"source\": \"website:https://www.site-" + u + ".de/impressum/\", \"at\":"
                                + " \"2026-12-01T10:00:00Z\"}}")
                .param("id", site)
                .update();
        long places = contact("Bäckerei Maps", fromPlaces, "Köln", "bakery", "ok"); // sources: places
        long campaign = campaign(mailbox(0, 100, 300), List.of(site, places), ", \"sourceNotice\": true");
        assertThat(api.get("/api/campaigns/" + campaign)
                        .json()
                        .path("sourceNotice")
                        .asBoolean())
                .isTrue();
        started(campaign);
        assertThat(loop.tick()).isEqualTo(2);
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        Map<String, MimeMessage> received =
                Arrays.stream(SMTP.getReceivedMessages()).collect(Collectors.toMap(m -> to(m), m -> m));

        String siteNotice = "Hinweis nach Art. 14 DSGVO: Ihre E-Mail-Adresse haben wir auf Ihrer Website (site-" + u
                + ".de/impressum) gefunden. Wir verwenden sie nur, um Ihnen dieses Angebot zu schicken;"
                + " widersprechen können Sie jederzeit über den Abmeldelink.";
        String[] siteParts = parts(received.get(fromSite));
        assertThat(siteParts[0])
                .contains("Agentur Beispiel GmbH, Musterstraße 1, 50667 Köln\n" + siteNotice + "\nSie möchten keine");
        assertThat(siteParts[1])
                .contains("50667 Köln<br>" + siteNotice + "<br>Sie möchten keine")
                .contains("Hier abmelden</a>");
        String[] placesParts = parts(received.get(fromPlaces));
        String placesNotice =
                "Ihre E-Mail-Adresse haben wir in Ihrem Google-Unternehmensprofil (Google Maps) gefunden.";
        assertThat(placesParts[0]).contains(placesNotice);
        assertThat(placesParts[1]).contains(placesNotice);
    }

    @Test
    void aCampaignWithoutTheNoticeSaysNothingOfTheSource() throws Exception {
        String u = unique();
        long plain = contact("Bäckerei Ohne", "info@ohne-" + u + ".de", "Köln", "bakery", "ok");
        long campaign = campaign(mailbox(0, 100, 300), List.of(plain), "");
        assertThat(api.get("/api/campaigns/" + campaign)
                        .json()
                        .path("sourceNotice")
                        .asBoolean())
                .isFalse();
        started(campaign);
        assertThat(loop.tick()).isEqualTo(1);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        String[] parts = parts(SMTP.getReceivedMessages()[0]);
        assertThat(parts[0]).doesNotContain("Art. 14").contains("Hier abmelden: http");
        assertThat(parts[1]).doesNotContain("Art. 14");
    }

    @Test
    void eachRecordedSourceHasItsPhrase() {
        assertThat(SourceNotice.phrase("website:https://www.baecker.de/kontakt", "a@baecker.de"))
                .isEqualTo("auf Ihrer Website (baecker.de/kontakt)");
        assertThat(SourceNotice.phrase("guessed", "info@baecker.de")).isEqualTo("über Ihre Website (baecker.de)");
        assertThat(SourceNotice.phrase("apify:apify/instagram-profile-scraper", null))
                .isEqualTo("in Ihrem öffentlichen Instagram-Profil");
        assertThat(SourceNotice.phrase("perplexity:sonar", null))
                .isEqualTo("bei einer Websuche in öffentlich zugänglichen Quellen");
        assertThat(SourceNotice.phrase("csv:12:40", null)).isEqualTo("in einer uns überlassenen Adressliste");
        assertThat(SourceNotice.phrase(null, null)).isEqualTo("in öffentlich zugänglichen Quellen");
    }

    /** The text part (line ends and no-break spaces made plain) and the HTML part. */
    private static String[] parts(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        String text = parts.getBodyPart(0)
                .getContent()
                .toString()
                .replace("\r\n", "\n")
                .replace('\u00a0', ' ');
        String html = parts.getBodyPart(1).getContent().toString();
        return new String[] {text, html};
    }

    private static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
