/**
 * Instagram: the pipeline of seed 000 (hashtag crawl → flatten and dedupe → profile batches → web
 * search → the accounts' own websites) plugged into the run lifecycle, with its batches shared across
 * instances, per-username leases, the hashtag selection, batch settings and the Instagram session id.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Instagram",
        allowedDependencies = {
            "accounts",
            "apify",
            "book",
            "discovery",
            "enrichment",
            "leads",
            "runs",
            "settings",
            "support",
            "websites"
        })
package app.leadgen.instagram;
