package app.leadgen.discovery;

/**
 * One Places search: a category in a city, optionally biased to a circle around coordinates.
 *
 * @param category a Places type id ({@code bakery}, {@code clothing_store}) or any search word
 * @param radiusMeters the circle's radius; {@link #DEFAULT_RADIUS} when null, at most {@link #MAX_RADIUS}
 */
public record PlaceQuery(String category, String city, Double latitude, Double longitude, Integer radiusMeters) {

    public static final int DEFAULT_RADIUS = 5000;
    public static final int MAX_RADIUS = 50_000;

    /** {@code "<category> in <city>"}, type ids made readable ({@code clothing_store} → {@code clothing store}). */
    public String textQuery() {
        return category.strip().replace('_', ' ') + " in " + city.strip();
    }

    public boolean hasCircle() {
        return latitude != null && longitude != null;
    }

    public double radius() {
        int r = radiusMeters == null || radiusMeters <= 0 ? DEFAULT_RADIUS : radiusMeters;
        return Math.min(r, MAX_RADIUS);
    }
}
