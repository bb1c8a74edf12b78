package app.leadgen.leads;

/**
 * A business found by a Places search, as it is stored the first time its {@code placeId} is seen.
 * Any field but {@code placeId} and {@code name} may be null.
 *
 * @param category the searched category (a Places type id such as {@code bakery})
 * @param city the searched location's city
 * @param locationId the target location the search was for
 */
public record PlaceData(
        String placeId,
        String name,
        String category,
        String address,
        String city,
        String phone,
        String website,
        Double rating,
        Integer reviewCount,
        String mapsUrl,
        String businessStatus,
        Long locationId) {}
