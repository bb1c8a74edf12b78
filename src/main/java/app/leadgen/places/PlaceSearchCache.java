package app.leadgen.places;

import app.leadgen.discovery.PlaceHit;
import app.leadgen.discovery.PlaceQuery;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text Search results per (location, category), kept for 24 hours (seed 002 §11: stay in the free
 * tier): a resumed, retried or repeated run within that time buys no search again. A location whose
 * city or circle changed asks again (the query is part of the key).
 */
@Component
class PlaceSearchCache {

    static final Duration KEEP = Duration.ofHours(24);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    PlaceSearchCache(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<List<PlaceHit>> recent(long locationId, String category, PlaceQuery query) {
        return jdbc.sql("select results from places_search_cache where location_id = :loc and category = :cat"
                        + " and query_key = :key and searched_at > :since")
                .param("loc", locationId)
                .param("cat", category)
                .param("key", key(query))
                .param("since", Timestamp.from(clock.instant().minus(KEEP)))
                .query(String.class)
                .optional()
                .map(json -> JSON.readValue(json, new TypeReference<List<PlaceHit>>() {}));
    }

    void keep(long locationId, String category, PlaceQuery query, List<PlaceHit> hits) {
        String json = JSON.writeValueAsString(hits);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update places_search_cache set query_key = :key, results = :json, searched_at = :now"
                        + " where location_id = :loc and category = :cat")
                .param("key", key(query))
                .param("json", json)
                .param("now", now)
                .param("loc", locationId)
                .param("cat", category)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into places_search_cache (location_id, category, query_key, results, searched_at)"
                                + " values (:loc, :cat, :key, :json, :now)")
                        .param("key", key(query))
                        .param("json", json)
                        .param("now", now)
                        .param("loc", locationId)
                        .param("cat", category)
                        .update();
            } catch (DataIntegrityViolationException raced) {
                // another run stored the same search a moment ago: theirs is as good
            }
        }
    }

    private static String key(PlaceQuery q) {
        String key = q.textQuery() + "|" + q.latitude() + "|" + q.longitude() + "|" + q.radiusMeters();
        return key.length() <= 500 ? key : key.substring(0, 500);
    }
}
