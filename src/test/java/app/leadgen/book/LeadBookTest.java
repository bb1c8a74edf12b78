package app.leadgen.book;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The identity and merge rules of the lead book, the same for every source, through the book and its API. */
class LeadBookTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    LeadBook book;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String u;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        u = Long.toString(System.nanoTime(), 36);
    }

    private static CompanyInput company(String name, String website, String city) {
        return new CompanyInput(name, website, null, null, city, null, null, null, null, null, null, List.of());
    }

    private static ContactInput person(String first, String last, String email) {
        return new ContactInput(first, last, null, null, null, email, null, null, null, null, null, Map.of(), null);
    }

    @Test
    void aContactIsTheSameByEmailInAnyCaseAndIdnFormAndOnlyEmptyFieldsAreFilled() {
        Merged first = book.merge(
                Origin.CSV,
                new ContactInput(
                        "Anna",
                        "Müller",
                        null,
                        "Dr.",
                        null,
                        " Anna@Bücher-" + u + ".de ",
                        null,
                        "030 1234567",
                        null,
                        null,
                        null,
                        Map.of("Kundennummer", "K-1"),
                        null),
                CompanyInput.none(),
                Sources.of("csv:1:2"));
        Merged again = book.merge(
                Origin.INSTAGRAM,
                new ContactInput(
                        "Annette",
                        null,
                        null,
                        null,
                        "Inhaberin",
                        "anna@xn--bcher-" + u.length() + "kva.de",
                        null,
                        null,
                        "anna_" + u,
                        null,
                        null,
                        Map.of("Kundennummer", "K-2", "Notiz", "neu"),
                        null),
                CompanyInput.none(),
                Sources.of("apify:test"));
        assertThat(first.contactCreated()).isTrue();
        // the punycode spelling of another domain is another address: a new contact
        assertThat(again.contactId()).isNotEqualTo(first.contactId());

        Merged sameAgain = book.merge(
                Origin.INSTAGRAM,
                new ContactInput(
                        "Annette",
                        null,
                        null,
                        null,
                        "Inhaberin",
                        "ANNA@bücher-" + u + ".DE",
                        null,
                        null,
                        "anna2_" + u,
                        null,
                        null,
                        Map.of("Kundennummer", "K-2", "Notiz", "neu"),
                        null),
                CompanyInput.none(),
                Sources.of("apify:test"));
        assertThat(sameAgain.contactId()).isEqualTo(first.contactId());
        assertThat(sameAgain.contactUpdated()).isTrue();

        JsonNode contact = api.get("/api/contacts/" + first.contactId()).json();
        assertThat(contact.path("firstName").asString()).as("never overwritten").isEqualTo("Anna");
        assertThat(contact.path("lastName").asString()).isEqualTo("Müller");
        assertThat(contact.path("fullName").asString()).isEqualTo("Anna Müller");
        assertThat(contact.path("email").asString()).isEqualTo("anna@bücher-" + u + ".de");
        assertThat(contact.path("phone").asString()).as("E.164").isEqualTo("+49301234567");
        assertThat(contact.path("position").asString()).as("filled while empty").isEqualTo("Inhaberin");
        assertThat(contact.path("instagram").asString()).isEqualTo("anna2_" + u);
        assertThat(contact.path("custom").path("Kundennummer").asString()).isEqualTo("K-1");
        assertThat(contact.path("custom").path("Notiz").asString()).isEqualTo("neu");
        assertThat(contact.path("provenance").path("firstName").path("source").asString())
                .isEqualTo("csv:1:2");
        assertThat(contact.path("provenance").path("position").path("source").asString())
                .isEqualTo("apify:test");
        assertThat(contact.path("provenance").path("position").path("at").asString())
                .isNotBlank();
        assertThat(contact.path("sources").toString()).contains("csv", "instagram");
    }

    @Test
    void aContactWithoutEmailIsTheSameByInstagramThenByNameAtTheSameCompany() {
        Merged byUsername = book.merge(
                Origin.INSTAGRAM,
                ContactInput.instagram("https://www.instagram.com/Studio_" + u + "/", "Studio", null, null),
                CompanyInput.none(),
                Sources.of("apify:test"));
        Merged again = book.merge(
                Origin.CSV,
                ContactInput.instagram("@studio_" + u, null, "hallo@studio-" + u + ".de", null),
                CompanyInput.none(),
                Sources.of("csv:2:5"));
        assertThat(again.contactId()).isEqualTo(byUsername.contactId());

        CompanyInput firma = company("Tischlerei Holz " + u, null, "Köln");
        Merged max = book.merge(Origin.CSV, person("Max", "Holz", null), firma, Sources.of("csv:3:2"));
        Merged maxAgain = book.merge(Origin.CSV, person(" max ", "HOLZ", null), firma, Sources.of("csv:3:3"));
        Merged otherMax = book.merge(
                Origin.CSV,
                person("Max", "Holz", null),
                company("Holz Andere " + u, null, "Köln"),
                Sources.of("csv:3:4"));
        assertThat(max.companyId()).isEqualTo(maxAgain.companyId());
        assertThat(maxAgain.contactId()).isEqualTo(max.contactId());
        assertThat(otherMax.contactId()).as("same name at another company").isNotEqualTo(max.contactId());
    }

    @Test
    void aCompanyIsTheSameByPlaceIdThenRegistrableDomainThenNameAndCity() {
        CompanyInput place = new CompanyInput(
                "Bäckerei Korn",
                "https://www.korn-" + u + ".de/filiale",
                "+91 33 2229 1000",
                null,
                "Berlin",
                null,
                null,
                "bakery",
                "ChIJ" + u,
                4.5,
                12,
                List.of());
        Merged fromPlaces = book.merge(Origin.PLACES, ContactInput.none(), place, Sources.of("places"));
        Merged byDomain = book.merge(
                Origin.CSV,
                person("Eva", "Korn", "eva@shop.korn-" + u + ".de"),
                company("Korn GmbH", null, null),
                Sources.of("csv:4:2"));
        Merged byWebsite = book.merge(
                Origin.CSV, ContactInput.none(), company(null, "korn-" + u + ".de", null), Sources.of("csv:4:3"));
        assertThat(byDomain.companyId()).isEqualTo(fromPlaces.companyId());
        assertThat(byWebsite.companyId()).isEqualTo(fromPlaces.companyId());

        // two people at gmx.de never become one company
        Merged a = book.merge(
                Origin.CSV, person("Ute", "A" + u, "ute" + u + "@gmx.de"), CompanyInput.none(), Sources.of("csv:5:2"));
        Merged b = book.merge(
                Origin.CSV, person("Uwe", "B" + u, "uwe" + u + "@gmx.de"), CompanyInput.none(), Sources.of("csv:5:3"));
        assertThat(a.companyId()).isNull();
        assertThat(b.companyId()).isNull();

        Merged byName = book.merge(
                Origin.CSV, ContactInput.none(), company("Café „Linde“ " + u, null, "Köln"), Sources.of("csv:6:2"));
        Merged byNameAgain = book.merge(
                Origin.CSV, ContactInput.none(), company("CAFE LINDE " + u, null, " köln "), Sources.of("csv:6:3"));
        Merged otherCity = book.merge(
                Origin.CSV, ContactInput.none(), company("Café Linde " + u, null, "Bonn"), Sources.of("csv:6:4"));
        assertThat(byNameAgain.companyId()).isEqualTo(byName.companyId());
        assertThat(otherCity.companyId()).isNotEqualTo(byName.companyId());

        JsonNode detail = api.get("/api/companies/" + fromPlaces.companyId()).json();
        assertThat(detail.path("company").path("phone").asString())
                .as("Places' Indian number in E.164")
                .isEqualTo("+913322291000");
        assertThat(detail.path("company").path("domain").asString()).isEqualTo("korn-" + u + ".de");
        assertThat(detail.path("company").path("name").asString())
                .as("Google's name stays")
                .isEqualTo("Bäckerei Korn");
        assertThat(detail.path("provenance").path("name").path("source").asString())
                .isEqualTo("places");
        assertThat(detail.path("contacts").get(0).path("email").asString()).isEqualTo("eva@shop.korn-" + u + ".de");
    }

    @Test
    void theListFiltersSortsAndPagesInTheDatabase() {
        for (int i = 0; i < 7; i++) {
            book.merge(new LeadBook.Entry(
                    Origin.CSV,
                    person("P" + i, "Liste" + u, "p" + i + "@liste-" + u + ".de"),
                    company("Liste " + u, null, "Hamburg"),
                    Sources.of("csv:7:" + i),
                    Set.of("messe-" + u),
                    7_000L + u.length(),
                    (long) i + 2));
        }
        JsonNode page = api.get("/api/contacts?q=liste" + u + "&sort=firstName,desc&size=3&page=1")
                .json();
        assertThat(page.path("total").asLong()).isEqualTo(7);
        assertThat(page.path("items").size()).isEqualTo(3);
        assertThat(page.path("items").get(0).path("firstName").asString()).isEqualTo("P3");
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("companyName").asString()).isEqualTo("Liste " + u);
        assertThat(item.path("city").asString()).isEqualTo("Hamburg");
        assertThat(item.path("tags").get(0).asString()).isEqualTo("messe-" + u);
        assertThat(item.path("status").asString()).isEqualTo("discovered");
        assertThat(api.get("/api/contacts?tag=messe-" + u).json().path("total").asLong())
                .isEqualTo(7);
        assertThat(api.get("/api/contacts?importId=" + (7_000L + u.length()) + "&q=" + u)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(7);
        assertThat(api.get("/api/contacts?source=csv&q=p1@liste-" + u)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/contacts?source=places&q=liste" + u)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/companies?q=liste%20" + u + "&city=hamburg")
                        .json()
                        .path("items")
                        .get(0)
                        .path("contacts")
                        .asLong())
                .isEqualTo(7);

        Api.Reply badSort = api.get("/api/contacts?sort=password,asc");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().path("detail").asString()).contains("fullName");
        assertThat(api.get("/api/contacts?source=fax").status()).isEqualTo(400);
        assertThat(api.get("/api/contacts?status=happy").status()).isEqualTo(400);
        assertThat(api.get("/api/contacts?size=501").status()).isEqualTo(400);
        assertThat(api.get("/api/contacts/987654321").status()).isEqualTo(404);
    }

    @Test
    void aPersonCorrectsFieldsAndTheyBecomeTheirs() {
        Merged m = book.merge(
                Origin.CSV,
                person("Jan", "Falsch", "jan@korrektur-" + u + ".de"),
                CompanyInput.none(),
                Sources.of("csv:8:2"));
        Api.Reply patched = api.patchJson(
                "/api/contacts/" + m.contactId(), "{\"lastName\": \"Richtig\", \"phone\": \"+49 221 555 0\"}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("lastName").asString()).isEqualTo("Richtig");
        assertThat(patched.json().path("phone").asString()).isEqualTo("+492215550");
        assertThat(patched.json()
                        .path("provenance")
                        .path("lastName")
                        .path("source")
                        .asString())
                .isEqualTo("user");
        assertThat(patched.json()
                        .path("provenance")
                        .path("firstName")
                        .path("source")
                        .asString())
                .isEqualTo("csv:8:2");
        assertThat(patched.json().path("sources").toString()).contains("user");

        Api.Reply badEmail = api.patchJson("/api/contacts/" + m.contactId(), "{\"email\": \"kein-at-zeichen\"}");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().path("detail").asString()).contains("keine gültige E-Mail-Adresse");
        Api.Reply unknown = api.patchJson("/api/contacts/" + m.contactId(), "{\"score\": \"100\"}");
        assertThat(unknown.status()).isEqualTo(400);
        Merged other = book.merge(
                Origin.CSV,
                person("Ole", "Anders", "ole@korrektur-" + u + ".de"),
                CompanyInput.none(),
                Sources.of("csv:8:3"));
        Api.Reply taken =
                api.patchJson("/api/contacts/" + other.contactId(), "{\"email\": \"JAN@korrektur-" + u + ".de\"}");
        assertThat(taken.status()).isEqualTo(409);
    }
}
