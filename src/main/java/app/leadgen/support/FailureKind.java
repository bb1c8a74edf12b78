package app.leadgen.support;

/**
 * What went wrong with a call to an external service, in terms a caller can act on. Adapters
 * classify (they know their vendor's status codes and error types); callers decide what to do with
 * the kind: stop the run, wait and retry, tell the user to fix a setting.
 */
public enum FailureKind {
    /** No credentials configured: nothing was sent. */
    NOT_CONFIGURED,
    /** The service refused the credentials (401/403, a revoked refresh token, an unknown client). */
    CREDENTIALS,
    /** The account is out of credit or a daily/monthly quota is used up: waiting minutes will not help. */
    QUOTA,
    /** Too many requests right now (429): waiting helps, often for the time in {@code Retry-After}. */
    RATE_LIMITED,
    /** The service rejected the request itself (400/404/422): sending it again gives the same answer. */
    BAD_REQUEST,
    /** The service failed (5xx) or could not be reached (connection refused, reset). */
    UNAVAILABLE,
    /** No answer in time. */
    TIMEOUT,
    /** An answer that is not what the service promised (not JSON, wrong shape, too large). */
    MALFORMED,
    /** Aborted by an emergency stop of the run: neither a failure of the service nor a result. */
    CANCELLED;

    /**
     * The kind an HTTP status means when the vendor's answer says nothing more specific. 0 stands for
     * "no HTTP answer" (a network error).
     */
    public static FailureKind ofStatus(int status) {
        if (status == 401 || status == 403) {
            return CREDENTIALS;
        }
        if (status == 402) {
            return QUOTA;
        }
        if (status == 408) {
            return TIMEOUT;
        }
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status >= 400 && status < 500) {
            return BAD_REQUEST;
        }
        return UNAVAILABLE;
    }
}
