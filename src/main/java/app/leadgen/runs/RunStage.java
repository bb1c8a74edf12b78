package app.leadgen.runs;

/** The step a run is in. Instagram: CRAWL, PROFILES, WEBSEARCH, WEBSITES; Places: PLACES, QUALIFY. */
public enum RunStage {
    QUEUED,
    CRAWL,
    PROFILES,
    WEBSEARCH,
    /** Instagram: contacts from the profiles' own websites. */
    WEBSITES,
    /** Places: Text Search per location and category. */
    PLACES,
    /** Places: website check, score and contacts of every new place. */
    QUALIFY,
    DONE
}
