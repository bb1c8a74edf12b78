/**
 * The one adapter for Apify: runs an Actor synchronously and returns its dataset items. Discovery
 * (hashtag search) and enrichment (profile scraper) each wrap it behind their own port.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Apify",
        allowedDependencies = {"support"})
package app.leadgen.apify;
