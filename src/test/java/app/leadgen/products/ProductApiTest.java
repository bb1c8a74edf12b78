package app.leadgen.products;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /api/products}: a product's whole life and every mistake refused in German. */
class ProductApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    Api api;
    String u;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        u = Long.toString(System.nanoTime(), 36);
    }

    @Test
    void createReadChangeAndDeleteAProduct() {
        Api.Reply created = api.postJson(
                "/api/products",
                "{\"name\": \" Website-Paket " + u + " \", \"description\": \"Fünf Seiten, Impressum, SSL\","
                        + " \"price\": 499.9, \"url\": \"https://agentur.example/paket\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/products/" + id);
        assertThat(created.json().path("name").asString()).isEqualTo("Website-Paket " + u);
        assertThat(created.json().path("price").decimalValue()).isEqualByComparingTo("499.90");

        JsonNode listed = null;
        for (JsonNode p : api.get("/api/products").json()) {
            if (p.path("id").asLong() == id) {
                listed = p;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("url").asString()).isEqualTo("https://agentur.example/paket");

        Api.Reply changed =
                api.putJson("/api/products/" + id, "{\"name\": \"Website-Paket Plus " + u + "\", \"price\": null}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("price").isNull()).isTrue();
        assertThat(changed.json().path("description").isNull()).isTrue();
        assertThat(api.get("/api/products/" + id).json().path("name").asString())
                .isEqualTo("Website-Paket Plus " + u);

        assertThat(api.delete("/api/products/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/products/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/products/" + id).status()).isEqualTo(404);
        assertThat(api.putJson("/api/products/" + id, "{\"name\": \"x\"}").status())
                .isEqualTo(404);
    }

    @Test
    void mistakesAreRefusedInGerman() {
        assertThat(detail("{\"name\": \"  \"}")).isEqualTo("Bitte einen Namen angeben.");
        assertThat(detail("{\"name\": \"" + "x".repeat(201) + "\"}")).contains("höchstens 200 Zeichen");
        assertThat(detail("{\"name\": \"a\", \"price\": -1}")).contains("Preis");
        assertThat(detail("{\"name\": \"a\", \"price\": 1.005}")).contains("zwei Nachkommastellen");
        assertThat(detail("{\"name\": \"a\", \"url\": \"javascript:alert(1)\"}"))
                .contains("http(s)-Adresse");
        assertThat(detail("{\"name\": \"a\", \"url\": \"agentur.de\"}")).contains("http(s)-Adresse");
    }

    private String detail(String json) {
        Api.Reply reply = api.postJson("/api/products", json);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().path("detail").asString();
    }
}
