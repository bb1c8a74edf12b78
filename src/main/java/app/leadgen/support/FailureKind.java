package app.leadgen.support;

/** What kind of failure an external call ended in; adapters classify, callers decide. */
public enum FailureKind {
    NOT_CONFIGURED,
    CREDENTIALS,
    QUOTA,
    RATE_LIMITED,
    BAD_REQUEST,
    UNAVAILABLE,
    TIMEOUT,
    MALFORMED,
    CANCELLED
}
