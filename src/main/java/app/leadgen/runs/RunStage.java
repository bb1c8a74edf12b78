package app.leadgen.runs;

/** The step a run is in, in pipeline order. */
public enum RunStage {
    QUEUED,
    CRAWL,
    PROFILES,
    WEBSEARCH,
    DONE
}
