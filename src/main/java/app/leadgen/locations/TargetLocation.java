package app.leadgen.locations;

import java.util.List;

/**
 * One place to search, as other modules see it.
 *
 * @param latitude with {@code longitude} and {@code radiusMeters}: an optional circle that biases
 *     the search; {@code null} when only the city name is known
 * @param categories Places type ids such as {@code bakery}, searched one by one
 */
public record TargetLocation(
        long id,
        String city,
        String state,
        String country,
        Double latitude,
        Double longitude,
        Integer radiusMeters,
        List<String> categories,
        boolean active) {

    public TargetLocation {
        categories = List.copyOf(categories);
    }

    public boolean hasCircle() {
        return latitude != null && longitude != null;
    }
}
