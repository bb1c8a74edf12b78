package app.leadgen.locations;

import java.util.List;
import java.util.regex.Pattern;

/** Google Places type ids that a location searches for. */
public final class PlaceCategories {

    /** The categories the spec (seed 002 §5.1) searches by default; the page offers them as checkboxes. */
    public static final List<String> DEFAULTS = List.of(
            "restaurant",
            "store",
            "clothing_store",
            "food",
            "bakery",
            "florist",
            "beauty_salon",
            "gym",
            "electronics_store",
            "home_goods_store",
            "jewelry_store",
            "pet_store",
            "shoe_store");

    /** What a type id looks like: lower-case letters and underscores, at most 50. */
    public static final Pattern TYPE_ID = Pattern.compile("[a-z_]{1,50}");

    public static final int MAX_PER_LOCATION = 20;

    private PlaceCategories() {}
}
