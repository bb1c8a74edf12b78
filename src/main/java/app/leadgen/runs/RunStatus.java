package app.leadgen.runs;

public enum RunStatus {
    QUEUED,
    RUNNING,
    /** The run waits for a person's input (its pipeline says which); then it is queued again. */
    AWAITING_SELECTION,
    STOPPED,
    COMPLETED,
    FAILED;

    public boolean finished() {
        return this == STOPPED || this == COMPLETED || this == FAILED;
    }
}
