package app.leadgen.runs;

public enum RunStatus {
    QUEUED,
    RUNNING,
    /** The run waits for input from the user (its pipeline's own endpoint continues it). */
    AWAITING_SELECTION,
    STOPPED,
    COMPLETED,
    FAILED;

    public boolean finished() {
        return this == STOPPED || this == COMPLETED || this == FAILED;
    }
}
