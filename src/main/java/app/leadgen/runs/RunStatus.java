package app.leadgen.runs;

public enum RunStatus {
    QUEUED,
    RUNNING,
    /** The crawl is done; the run waits for the user to pick hashtags (POST /api/runs/{id}/hashtags). */
    AWAITING_SELECTION,
    STOPPED,
    COMPLETED,
    FAILED;

    public boolean finished() {
        return this == STOPPED || this == COMPLETED || this == FAILED;
    }
}
