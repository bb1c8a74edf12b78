package app.leadgen.products;

import app.leadgen.support.ApiProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The catalogue: reading for campaigns and the API, and the checked changes of the API and the page. */
@Service
public class Products {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_URL = 2000;
    static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    private static final String SELECT =
            "select id, name, description, price, url, created_at, updated_at from products";

    private final JdbcClient jdbc;
    private final Clock clock;

    Products(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every product, by name. */
    public List<Product> all() {
        return jdbc.sql(SELECT + " order by lower(name), id")
                .query(Products::row)
                .list();
    }

    public Optional<Product> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Products::row)
                .optional();
    }

    record Input(String name, String description, BigDecimal price, String url) {}

    Product create(Input input) {
        Input valid = validate(input);
        Timestamp now = Timestamp.from(clock.instant());
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into products (name, description, price, url, created_at, updated_at)"
                        + " values (:n, :d, :p, :u, :now, :now)")
                .param("n", valid.name())
                .param("d", valid.description())
                .param("p", valid.price())
                .param("u", valid.url())
                .param("now", now)
                .update(key, "id");
        return find(key.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    Product update(long id, Input input) {
        Input valid = validate(input);
        int changed = jdbc.sql("update products set name = :n, description = :d, price = :p, url = :u,"
                        + " updated_at = :now where id = :id")
                .param("n", valid.name())
                .param("d", valid.description())
                .param("p", valid.price())
                .param("u", valid.url())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (changed == 0) {
            throw ApiProblem.notFound("problem.products.not-found", id);
        }
        return find(id).orElseThrow();
    }

    void delete(long id) {
        if (jdbc.sql("delete from products where id = :id").param("id", id).update() == 0) {
            throw ApiProblem.notFound("problem.products.not-found", id);
        }
    }

    static Input validate(Input input) {
        String name = input == null ? null : blankToNull(input.name());
        if (name == null) {
            throw ApiProblem.badRequest("problem.products.name-blank");
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest("problem.products.name-long", MAX_NAME);
        }
        String description = blankToNull(input.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw ApiProblem.badRequest("problem.products.description-long", MAX_DESCRIPTION);
        }
        BigDecimal price = input.price();
        if (price != null) {
            if (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0 || price.scale() > 2) {
                throw ApiProblem.badRequest("problem.products.price");
            }
            price = price.setScale(2, RoundingMode.UNNECESSARY);
        }
        String url = blankToNull(input.url());
        if (url != null && !isWebAddress(url)) {
            throw ApiProblem.badRequest("problem.products.url", MAX_URL);
        }
        return new Input(name, description, price, url);
    }

    /** An absolute http(s) address with a host, at most {@link #MAX_URL} characters. */
    private static boolean isWebAddress(String url) {
        if (url.length() > MAX_URL
                || url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Product row(ResultSet rs, int n) throws SQLException {
        return new Product(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getBigDecimal("price"),
                rs.getString("url"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
