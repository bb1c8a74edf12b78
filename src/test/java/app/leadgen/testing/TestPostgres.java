package app.leadgen.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for this test JVM. With {@code LEADGEN_TEST_POSTGRES_URL} set (as
 * {@code .ci/run} does, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}) a new database is
 * created on that server; without it, a real PostgreSQL is started from Maven jars (zonky), so
 * {@code ./mvnw verify} also covers PostgreSQL on a machine without a server.
 */
public final class TestPostgres {

    public record Database(String url, String username, String password) {

        /** The data source properties that point an app at this database. */
        public java.util.Map<String, Object> properties() {
            return java.util.Map.of(
                    "spring.datasource.url",
                    url,
                    "spring.datasource.username",
                    username,
                    "spring.datasource.password",
                    password);
        }

        /** Points a test's application context at this database, ahead of every other property source. */
        public void useIn(org.springframework.context.ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new org.springframework.core.env.MapPropertySource("own-postgres-" + url, properties()));
        }
    }

    private static Database database;

    private TestPostgres() {}

    public static synchronized Database database() {
        if (database == null) {
            database = create();
        }
        return database;
    }

    /**
     * A database of its own (not the one every PostgreSQL test class shares): for a test whose second
     * process must be the only one with a job server on its database, while the cached contexts of
     * other classes keep polling theirs.
     */
    public static synchronized Database fresh() {
        return create();
    }

    private static Database create() {
        String server = System.getenv("LEADGEN_TEST_POSTGRES_URL");
        String user = envOr("LEADGEN_TEST_POSTGRES_USER", "postgres");
        String password = envOr("LEADGEN_TEST_POSTGRES_PASSWORD", "");
        if (server == null || server.isBlank()) {
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(embedded)));
                server = embedded.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = "";
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
        }
        String name =
                "leadgen_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server, user, password);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + server, e);
        }
        String url = server.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        return new Database(url, user, password);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }
}
