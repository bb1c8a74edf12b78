/**
 * Locations: the cities (with optional coordinates, radius and business categories) that a Places run
 * searches (spec §6 {@code target_locations}). Other modules read them through {@link
 * app.leadgen.locations.TargetLocations}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Locations",
        allowedDependencies = {"accounts", "support"})
package app.leadgen.locations;
