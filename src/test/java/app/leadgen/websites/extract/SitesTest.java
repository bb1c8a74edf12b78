package app.leadgen.websites.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SitesTest {

    @ParameterizedTest
    @CsvSource({
        "firma.de, http://firma.de/",
        "www.Firma.DE/Kontakt, http://www.firma.de/Kontakt",
        "HTTPS://Firma.de, https://firma.de/",
        "firma.de:8080/shop?x=1, http://firma.de:8080/shop?x=1",
        "'  https://firma.de/über uns ', https://firma.de/über%20uns",
        "bäckerei-müller.de, http://xn--bckerei-mller-bfb28a.de/",
        "https://www.bäckerei-müller.de/impressum, https://www.xn--bckerei-mller-bfb28a.de/impressum"
    })
    void websitesAsPeopleWriteThem(String raw, String expected) {
        assertThat(Sites.website(raw)).contains(URI.create(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "keine Website", "mailto:info@firma.de", "javascript:alert(1)", "tel:0301234"})
    void notWebsites(String raw) {
        assertThat(Sites.website(raw)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({
        "firma.de, true",
        "shop.firma.de, true",
        "linktr.ee, false",
        "cafe.jimdosite.com, false",
        "m.facebook.com, false",
        "127.0.0.1, false",
        "localhost, false"
    })
    void ownDomain(String host, boolean own) {
        assertThat(Sites.ownDomain(host)).isEqualTo(own);
    }

    @ParameterizedTest
    @CsvSource({
        "http://firma.de/, https://www.firma.de/kontakt, true",
        "https://www.firma.de/, http://shop.firma.de/, true",
        "https://firma.de/, https://agentur.de/impressum, false",
        "https://firma.de/, https://firma.de.evil.com/, false"
    })
    void sameSite(String site, String other, boolean same) {
        assertThat(Sites.sameSite(URI.create(site), URI.create(other))).isEqualTo(same);
    }
}
