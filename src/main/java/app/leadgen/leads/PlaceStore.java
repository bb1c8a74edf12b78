package app.leadgen.leads;

import static app.leadgen.support.Texts.blank;

import app.leadgen.support.Texts;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes Places leads. A place is stored once per {@code place_id}, forever: a later run that finds
 * it again neither stores nor scores it twice. Each place is one row in {@code places} plus one row
 * in {@code leads} (source {@code places}, the run that found it first), written in one short
 * transaction, so the table shows it while the run still works.
 */
@Service
public class PlaceStore {

    public static final String SOURCE_PLACES = "places";
    /** Source of the contact fields that came with the Places data. */
    public static final String FIELD_SOURCE_PLACES = "places";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final BookSync book;
    private final LeadKeys keys;
    private final Clock clock;

    PlaceStore(JdbcClient jdbc, TransactionTemplate tx, BookSync book, LeadKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.book = book;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Stores a place found by this run, unless its {@code placeId} is known already (from this or any
     * earlier run). Returns true when it was new.
     */
    public boolean saveIfNew(long runId, String keyword, PlaceData place) {
        if (place.placeId() == null || place.placeId().isBlank() || place.name() == null) {
            return false;
        }
        if (known(place.placeId())) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            tx.executeWithoutResult(s -> {
                jdbc.sql(
                                """
                                insert into places (place_id, run_id, location_id, name, category, address, city,
                                    phone, phone_source, website, website_source, rating, review_count, maps_url,
                                    business_status, status, email_guessed, discovered_at, updated_at)
                                values (:placeId, :runId, :locationId, :name, :category, :address, :city,
                                    :phone, :phoneSource, :website, :websiteSource, :rating, :reviews, :mapsUrl,
                                    :businessStatus, :status, false, :now, :now)
                                """)
                        .param("placeId", Texts.stripped(place.placeId(), 300))
                        .param("runId", runId)
                        .param("locationId", place.locationId())
                        .param("name", Texts.stripped(place.name(), 500))
                        .param("category", Texts.stripped(place.category(), 100))
                        .param("address", Texts.stripped(place.address(), 1000))
                        .param("city", Texts.stripped(place.city(), 100))
                        .param("phone", Texts.stripped(place.phone(), 100))
                        .param("phoneSource", blank(place.phone()) ? null : FIELD_SOURCE_PLACES)
                        .param("website", Texts.stripped(place.website(), 2000))
                        .param("websiteSource", blank(place.website()) ? null : FIELD_SOURCE_PLACES)
                        .param("rating", place.rating())
                        .param("reviews", place.reviewCount())
                        .param("mapsUrl", Texts.stripped(place.mapsUrl(), 2000))
                        .param("businessStatus", Texts.stripped(place.businessStatus(), 40))
                        .param("status", PlaceStatus.DISCOVERED.value())
                        .param("now", now)
                        .update();
                jdbc.sql("insert into leads (run_id, source, place_id, keyword, found_at)"
                                + " values (:runId, :source, :placeId, :keyword, :now)")
                        .param("runId", runId)
                        .param("source", SOURCE_PLACES)
                        .param("placeId", Texts.stripped(place.placeId(), 300))
                        .param("keyword", Texts.stripped(keyword, 100))
                        .param("now", now)
                        .update();
                keys.placesChanged(List.of(Texts.stripped(place.placeId(), 300)));
            });
        } catch (DuplicateKeyException raced) {
            // another run stored the same place between our check and insert: it is known now
            return false;
        }
        book.place(place);
        return true;
    }

    /** True when this place is stored already. */
    public boolean known(String placeId) {
        return jdbc.sql("select count(*) from places where place_id = :id")
                        .param("id", placeId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The places this run stored that still wait for their check (status {@code discovered}). */
    public List<StoredPlace> discoveredBy(long runId) {
        return jdbc.sql("select place_id, name, phone, website, rating, email, status from places"
                        + " where run_id = :run and status = :status order by id")
                .param("run", runId)
                .param("status", PlaceStatus.DISCOVERED.value())
                .query((rs, n) -> new StoredPlace(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, Double.class),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    public Optional<StoredPlace> find(String placeId) {
        return jdbc.sql("select place_id, name, phone, website, rating, email, status from places"
                        + " where place_id = :id")
                .param("id", placeId)
                .query((rs, n) -> new StoredPlace(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, Double.class),
                        rs.getString(6),
                        rs.getString(7)))
                .optional();
    }

    /** Stores score, reasons and status, and fills the contact fields that are still empty. */
    public void saveCheck(String placeId, PlaceCheck check) {
        Timestamp now = Timestamp.from(clock.instant());
        Boolean stored = tx.execute(s -> {
            var current = jdbc.sql("select email, phone from places where place_id = :id")
                    .param("id", placeId)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .optional();
            if (current.isEmpty()) {
                return false;
            }
            boolean fillEmail = blank(current.get()[0]) && !blank(check.email());
            boolean fillPhone = blank(current.get()[1]) && !blank(check.phone());
            jdbc.sql("update places set score = :score, score_reasons = :reasons, status = :status,"
                            + " qualified_at = :now, updated_at = :now"
                            + (fillEmail
                                    ? ", email = :email, email_source = :emailSource, email_check = :emailCheck,"
                                            + " email_guessed = :guessed"
                                    : "")
                            + (fillPhone ? ", phone = :phone, phone_source = :phoneSource" : "")
                            + " where place_id = :id")
                    .params(params(placeId, check, now, fillEmail, fillPhone))
                    .update();
            keys.placesChanged(List.of(placeId));
            return true;
        });
        if (Boolean.TRUE.equals(stored)) {
            book.checked(placeId, check);
        }
    }

    private static java.util.Map<String, Object> params(
            String placeId, PlaceCheck check, Timestamp now, boolean fillEmail, boolean fillPhone) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", placeId);
        p.put("score", check.score());
        p.put("reasons", Texts.stripped(ScoreReason.format(check.reasons()), 1000));
        p.put("status", check.status().value());
        p.put("now", now);
        if (fillEmail) {
            p.put("email", Texts.stripped(check.email(), 320));
            p.put("emailSource", Texts.stripped(check.emailSource(), 2100));
            p.put("emailCheck", Texts.stripped(check.emailCheck(), 20));
            p.put("guessed", check.emailGuessed());
        }
        if (fillPhone) {
            p.put("phone", Texts.stripped(check.phone(), 100));
            p.put("phoneSource", Texts.stripped(check.phoneSource(), 2100));
        }
        return p;
    }
}
