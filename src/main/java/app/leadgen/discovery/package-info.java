/**
 * Discovery: finds prospects. For Instagram, a hashtag search through Apify whose posts are
 * flattened into unique {@code hashtag|username} findings; for local businesses, Google Places
 * Text Search ({@link app.leadgen.discovery.PlaceSearch}, adapter in {@code places/}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Discovery",
        allowedDependencies = {"apify", "leads", "support"})
package app.leadgen.discovery;
