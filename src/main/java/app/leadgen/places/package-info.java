/**
 * Places: the pipeline of seed 002 §7 (Google Places Text Search per location and category, 24-hour
 * search cache, each place stored once, website check, §5.2 score, contacts) plugged into the run
 * lifecycle, and the daily routine that starts it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Places",
        allowedDependencies = {
            "discovery",
            "leads",
            "locations",
            "qualification",
            "runs",
            "schedule",
            "support",
            "websites"
        })
package app.leadgen.places;
