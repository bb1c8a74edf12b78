package app.leadgen.locations;

import app.leadgen.support.ApiProblem;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes locations; every input is checked here, with a problem detail per mistake. */
@Service
class LocationEditor {

    static final int MAX_TEXT = 100;
    static final int DEFAULT_RADIUS = 5000;
    static final int MAX_RADIUS = 50_000;
    private static final int MAX_ECHO = 60;

    private final LocationRepository locations;
    private final Clock clock;

    LocationEditor(LocationRepository locations, Clock clock) {
        this.locations = locations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    TargetLocation get(long id) {
        return find(id).view();
    }

    @Transactional
    TargetLocation create(LocationInput input) {
        Valid valid = validate(input);
        LocationEntity entity = new LocationEntity(clock.instant());
        valid.applyTo(entity);
        entity.active = input.active() == null || input.active();
        return locations.save(entity).view();
    }

    @Transactional
    TargetLocation update(long id, LocationInput input) {
        LocationEntity entity = find(id);
        Valid valid = validate(input);
        valid.applyTo(entity);
        if (input.active() != null) {
            entity.active = input.active();
        }
        entity.updatedAt = clock.instant();
        return locations.saveAndFlush(entity).view();
    }

    @Transactional
    void delete(long id) {
        locations.delete(find(id));
    }

    private LocationEntity find(long id) {
        return locations
                .findById(id)
                .orElseThrow(() -> ApiProblem.notFound("problem.locations.not-found", String.valueOf(id)));
    }

    private record Valid(
            String city,
            String state,
            String country,
            Double latitude,
            Double longitude,
            Integer radius,
            List<String> categories) {

        void applyTo(LocationEntity entity) {
            entity.city = city;
            entity.state = state;
            entity.country = country;
            entity.latitude = latitude;
            entity.longitude = longitude;
            entity.radiusMeters = radius;
            entity.categories = String.join(",", categories);
        }
    }

    static Valid validate(LocationInput input) {
        if (input == null) {
            throw ApiProblem.badRequest("problem.locations.city-blank");
        }
        String city = text(input.city());
        if (city == null) {
            throw ApiProblem.badRequest("problem.locations.city-blank");
        }
        if (city.length() > MAX_TEXT) {
            throw ApiProblem.badRequest("problem.locations.city-long", MAX_TEXT);
        }
        if (hasControlCharacters(city)) {
            throw ApiProblem.badRequest("problem.locations.city-malformed");
        }
        String state = text(input.state());
        if (state != null && (state.length() > MAX_TEXT || hasControlCharacters(state))) {
            throw ApiProblem.badRequest("problem.locations.state-invalid", MAX_TEXT);
        }
        String country = text(input.country());
        if (country != null && (country.length() > MAX_TEXT || hasControlCharacters(country))) {
            throw ApiProblem.badRequest("problem.locations.country-invalid", MAX_TEXT);
        }

        Double lat = input.latitude();
        Double lng = input.longitude();
        if ((lat == null) != (lng == null)) {
            throw ApiProblem.badRequest("problem.locations.coordinates-pair");
        }
        if (lat != null && !(lat >= -90 && lat <= 90)) {
            throw ApiProblem.badRequest("problem.locations.latitude");
        }
        if (lng != null && !(lng >= -180 && lng <= 180)) {
            throw ApiProblem.badRequest("problem.locations.longitude");
        }
        Integer radius = input.radiusMeters();
        if (radius != null && (radius < 1 || radius > MAX_RADIUS)) {
            throw ApiProblem.badRequest("problem.locations.radius", String.valueOf(MAX_RADIUS));
        }
        if (lat == null && radius != null) {
            throw ApiProblem.badRequest("problem.locations.radius-without-coordinates");
        }
        if (lat != null && radius == null) {
            radius = DEFAULT_RADIUS;
        }
        return new Valid(city, state, country, lat, lng, radius, categories(input.categories()));
    }

    /** Trimmed, lower-cased, each checked, duplicates dropped (first one wins), 1 to 20 of them. */
    static List<String> categories(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw ApiProblem.badRequest("problem.locations.categories-empty");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String category : raw) {
            String id = category == null ? "" : category.strip().toLowerCase(Locale.ROOT);
            if (!PlaceCategories.TYPE_ID.matcher(id).matches()) {
                throw ApiProblem.badRequest("problem.locations.category-malformed", echo(category));
            }
            unique.add(id);
            if (unique.size() > PlaceCategories.MAX_PER_LOCATION) {
                throw ApiProblem.badRequest("problem.locations.categories-many", PlaceCategories.MAX_PER_LOCATION);
            }
        }
        return List.copyOf(unique);
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    /** A user's value inside an error text: short, without control characters. */
    private static String echo(String value) {
        if (value == null) {
            return "null";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_ECHO ? clean.substring(0, MAX_ECHO) + "…" : clean;
    }
}
