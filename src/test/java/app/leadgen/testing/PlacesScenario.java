package app.leadgen.testing;

import static app.leadgen.testing.PlacesBodies.place;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A town of five local businesses for Places runs, with names unique to one test: a bakery whose
 * site has its address in the Impressum, a florist without a website, a hairdresser whose site
 * answers 500, a café whose domain does not exist, and a carpenter whose site lists phone and
 * Instagram. The bakery is also found under the second category.
 */
public final class PlacesScenario {

    public final String u = Long.toString(System.nanoTime(), 36);
    public final String city = "Teststadt-" + u;
    public final String bakeryHost = "baeckerei-" + u + ".test";
    public final String hairHost = "friseur-" + u + ".test";
    public final String cafeHost = "cafe-" + u + ".test";
    public final String carpenterHost = "tischlerei-" + u + ".test";

    public String id(String name) {
        return "ChIJ" + name + "_" + u;
    }

    /** Registers the sites and the stubs; the location searches {@code bakery} and {@code florist}. */
    public PlacesScenario install() {
        return install(0);
    }

    /** As {@link #install()}, every Text Search answering after {@code delayMillis} (to watch a run's progress). */
    public PlacesScenario install(int delayMillis) {
        Fakes.WEB
                .page(
                        bakeryHost,
                        "/",
                        """
                        <html><head><title>Bäckerei</title><meta name="description" content="Frisches Brot"></head>
                        <body><h1>Bäckerei Korn</h1><a href="/impressum">Impressum</a></body></html>
                        """)
                .page(
                        bakeryHost,
                        "/impressum",
                        "<html><body><h1>Impressum</h1><p>E-Mail: backstube@" + bakeryHost
                                + "</p><p>Tel. 030 9876543</p></body></html>")
                .status(hairHost, "/", 500)
                .page(
                        carpenterHost,
                        "/",
                        "<html><head><title>Tischlerei</title></head><body><p>Ruf an: +49 40 555 1234 oder"
                                + " <a href=\"mailto:werkstatt@" + carpenterHost + "\">schreib uns</a>.</p>"
                                + "<a href=\"https://www.instagram.com/tischlerei_" + u + "/\">Instagram</a>"
                                + "</body></html>");
        Fakes.MAIL_DOMAINS.add(bakeryHost);
        Fakes.MAIL_DOMAINS.add(hairHost);
        Fakes.MAIL_DOMAINS.add(carpenterHost);
        Map<String, Object> bakery = place(
                id("bakery"),
                "Bäckerei Korn <b>",
                "Hauptstraße 1, " + city,
                "+49 30 1234567",
                "http://" + bakeryHost + "/",
                4.6,
                312);
        Map<String, Object> florist =
                place(id("florist"), "Blumen Meier", "Marktplatz 2, " + city, "+49 30 2222222", null, 4.8, 57);
        Map<String, Object> hair = place(
                id("hair"),
                "Friseur Haarmonie",
                "Kirchweg 3, " + city,
                "+49 30 3333333",
                "http://" + hairHost + "/",
                4.2,
                18);
        Map<String, Object> cafe = place(
                id("cafe"), "Café Lindenblatt", "Lindenallee 4, " + city, null, "http://" + cafeHost + "/", null, null);
        Map<String, Object> carpenter = place(
                id("carpenter"),
                "Tischlerei Wolf",
                "Werkstraße 5, " + city,
                null,
                "http://" + carpenterHost + "/",
                3.9,
                7);
        PlacesBodies.answer(
                Fakes.PLACES, "bakery in " + city, delayMillis, List.of(List.of(bakery, florist, hair), List.of(cafe)));
        PlacesBodies.answer(Fakes.PLACES, "florist in " + city, delayMillis, List.of(List.of(florist, carpenter)));
        return this;
    }

    public long insertLocation(JdbcClient jdbc, String categories, boolean active) {
        return insertLocation(jdbc, city, categories, active);
    }

    public static long insertLocation(JdbcClient jdbc, String city, String categories, boolean active) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into target_locations (city, country, latitude, longitude, radius_meters, categories,"
                        + " active, created_at, updated_at) values (:city, 'Deutschland', 52.52, 13.405, 2000,"
                        + " :categories, :active, :now, :now)")
                .param("city", city)
                .param("categories", categories)
                .param("active", active)
                .param("now", now)
                .update();
        return jdbc.sql("select max(id) from target_locations where city = :city")
                .param("city", city)
                .query(Long.class)
                .single();
    }
}
