package app.leadgen.locations;

import java.util.List;

/**
 * Body of {@code POST} and {@code PUT /api/locations}: what a user enters for a location.
 *
 * @param radiusMeters only together with coordinates; 5000 when coordinates are given without it
 * @param active {@code null}: active on create, unchanged on update
 */
record LocationInput(
        String city,
        String state,
        String country,
        Double latitude,
        Double longitude,
        Integer radiusMeters,
        List<String> categories,
        Boolean active) {}
