package app.leadgen.book;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The lead book's lists paged by key ({@code next} / {@code cursor=}), sorted by the company's
 * stored name and city, and the search box over name, e-mail, company and city; on H2 here and on
 * PostgreSQL in the subclass.
 */
class BookPagingTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    LeadBook book;

    Api api;
    String u;

    @BeforeEach
    void seed() {
        api = new Api(port);
        u = "pg" + Long.toString(System.nanoTime(), 36);
        String[] cities = {"Köln", "Berlin", null};
        for (int i = 0; i < 9; i++) {
            CompanyInput company = i == 8
                    ? CompanyInput.none()
                    : new CompanyInput(
                            "Firma " + (i % 4) + " " + u,
                            "https://f" + i + u + ".de",
                            null,
                            null,
                            cities[i % 3],
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of());
            book.merge(
                    Origin.CSV,
                    new ContactInput(
                            "Vor" + i,
                            "Nach" + u,
                            null,
                            null,
                            null,
                            "p" + i + "@" + u + ".de",
                            null,
                            null,
                            null,
                            null,
                            null,
                            Map.of(),
                            null),
                    company,
                    Sources.of("csv:1:" + i));
        }
    }

    @Test
    void everyContactSortWalkedByCursorGivesTheSameRowsAsOnePage() {
        for (String field : ContactQuery.sortableFields()) {
            for (String dir : List.of("asc", "desc")) {
                String base = "/api/contacts?q=" + u + "&sort=" + field + "," + dir;
                List<Long> whole = ids(api.get(base + "&size=100").json());
                List<Long> walked = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    JsonNode page = api.get(base + "&size=2" + (cursor == null ? "" : "&cursor=" + cursor))
                            .json();
                    walked.addAll(ids(page));
                    cursor = page.path("next").isNull()
                            ? null
                            : page.path("next").asString();
                    pages++;
                } while (cursor != null && pages < 20);
                assertThat(whole).as(field).hasSize(9);
                assertThat(walked).as(field + " " + dir).isEqualTo(whole);
            }
        }
    }

    @Test
    void companyNameAndCitySortWithEmptyValuesLast() {
        List<String> names = new ArrayList<>();
        api.get("/api/contacts?q=" + u + "&sort=companyName,desc&size=100")
                .json()
                .path("items")
                .forEach(c -> names.add(
                        c.path("companyName").isNull()
                                ? null
                                : c.path("companyName").asString()));
        assertThat(names.get(0)).startsWith("Firma 3");
        assertThat(names.get(names.size() - 1)).isNull();

        List<String> cities = new ArrayList<>();
        api.get("/api/contacts?q=" + u + "&sort=city,asc&size=100")
                .json()
                .path("items")
                .forEach(c -> cities.add(
                        c.path("city").isNull() ? null : c.path("city").asString()));
        assertThat(cities.subList(0, 3)).containsOnly("Berlin");
        assertThat(cities.get(cities.size() - 1)).isNull();
    }

    @Test
    void theSearchFindsByCompanyCityAndEmailInAnyCase() {
        assertThat(api.get("/api/contacts?q=FIRMA+2+" + u.toUpperCase())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.get("/api/contacts?q=p3@" + u).json().path("total").asLong())
                .isEqualTo(1);
        JsonNode all = api.get("/api/contacts?q=" + u + "&size=100").json();
        assertThat(all.path("total").asLong()).isEqualTo(9);
        assertThat(all.path("totalIsEstimate").asBoolean()).isFalse();
    }

    @Test
    void companiesPageByCursorToo() {
        String base = "/api/companies?q=" + u + "&sort=city,asc";
        List<Long> whole = ids(api.get(base + "&size=100").json());
        List<Long> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(base + "&size=3" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            walked.addAll(ids(page));
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
        } while (cursor != null && walked.size() < 50);
        assertThat(whole).hasSize(8);
        assertThat(walked).isEqualTo(whole);
        assertThat(api.get(base + "&cursor=nonsense").status()).isEqualTo(400);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }
}
