package app.leadgen.runs;

public enum RunStatus {
    QUEUED,
    RUNNING,
    STOPPED,
    COMPLETED,
    FAILED;

    public boolean finished() {
        return this == STOPPED || this == COMPLETED || this == FAILED;
    }
}
