package app.leadgen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Host check, the security headers, request limits and the session cookie. */
class DoorTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void anUnknownHostGets400AKnownOneIsAnswered() throws IOException {
        assertThat(rawGet("/login", "evil.example:" + port)).startsWith("HTTP/1.1 400");
        assertThat(rawGet("/login", "rebound.attacker.test"))
                .startsWith("HTTP/1.1 400")
                .contains("Host");
        assertThat(rawGet("/api/leads", "evil.example")).startsWith("HTTP/1.1 400");
        assertThat(rawGet("/login", "localhost:" + port)).startsWith("HTTP/1.1 200");
        assertThat(rawGet("/login", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
        assertThat(rawGet("/login", "[::1]:" + port)).startsWith("HTTP/1.1 200");
        // probes answer for any Host (a health check by IP address)
        assertThat(rawGet("/ping", "10.1.2.3:" + port)).startsWith("HTTP/1.1 200");
    }

    @Test
    void pagesAndApiCarryTheSecurityHeaders() {
        for (Api.Reply reply : new Api.Reply[] {
            Api.anonymous(port).with("Accept", "text/html").get("/login"),
            new Api(port).with("Accept", "text/html").get("/"),
            new Api(port).get("/api/leads"),
            Api.anonymous(port).get("/api/leads")
        }) {
            String csp = reply.header("Content-Security-Policy");
            assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
            assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void onlyTheApiDocumentationAllowsInlineStylesAndNothingAllowsInlineScript() {
        Api.Reply docs = new Api(port).with("Accept", "text/html").get("/swagger-ui/index.html");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("Content-Security-Policy"))
                .contains("style-src 'self' 'unsafe-inline'", "script-src 'self';")
                .doesNotContain("unsafe-eval");
        assertThat(docs.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void healthShowsItsStatusToAnyoneAndItsDetailsOnlyWithALogin() {
        var open = Api.anonymous(port).get("/actuator/health");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().path("status").asString()).isEqualTo("UP");
        assertThat(open.json().has("components")).isFalse();
        assertThat(new Api(port).get("/actuator/health").json().has("components"))
                .isTrue();
    }

    @Test
    void aJsonBodyOverOneMegabyteIsRefused() {
        String big = "{\"keyword\": \"" + "x".repeat(1_100_000) + "\"}";
        Api.Reply reply = new Api(port).postJson("/api/runs", big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("detail").asString()).contains("zu groß");
    }

    @Test
    void leadPagesAreBounded() {
        Api.Reply reply = new Api(port).get("/api/leads?page=100000&size=500");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asString()).contains("1000000");
    }

    /** A request with any Host header (Java's HttpClient does not let a test set it). */
    private String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
