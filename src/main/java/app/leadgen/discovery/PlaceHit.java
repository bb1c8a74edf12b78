package app.leadgen.discovery;

/**
 * One business from a Places search. Any field but {@code placeId} and {@code name} may be null.
 *
 * @param phone the international number when Google has one, else the national one
 * @param businessStatus {@code OPERATIONAL}, {@code CLOSED_TEMPORARILY} or {@code CLOSED_PERMANENTLY}
 */
public record PlaceHit(
        String placeId,
        String name,
        String address,
        String phone,
        String website,
        Double rating,
        Integer reviewCount,
        String mapsUrl,
        String businessStatus) {

    public boolean closedPermanently() {
        return "CLOSED_PERMANENTLY".equals(businessStatus);
    }
}
