package app.leadgen.export;

import app.leadgen.support.ApiProblem;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * What the user is told when Google fails: configuration problems (409) name the variable to fix,
 * quota (503) says when to try again, anything else is Google's failure (502). Only status and
 * Google's reason code go into the text, never a token.
 */
final class SheetsProblems {

    private SheetsProblems() {}

    /** Google turned the request away for now (429, 403 rate limits, used-up quota): waiting helps. */
    static boolean rateLimited(ExternalServiceException e) {
        return e.kind() == FailureKind.RATE_LIMITED || e.kind() == FailureKind.QUOTA;
    }

    static ApiProblem of(ExternalServiceException e) {
        String reason = String.valueOf(e.errorType());
        return switch (e.kind()) {
            case NOT_CONFIGURED -> ApiProblem.conflict("problem.export.google-missing");
            case CREDENTIALS -> refused(e, reason);
            case RATE_LIMITED, QUOTA -> busy(e);
            default -> e.status() == 0
                    ? new ApiProblem(HttpStatus.BAD_GATEWAY, "problem.export.google-unreachable", reason)
                    : new ApiProblem(
                            HttpStatus.BAD_GATEWAY,
                            "problem.export.google-failed",
                            Integer.toString(e.status()),
                            reason);
        };
    }

    /**
     * A 403 is a token without the Sheets scope (or the API switched off); anything else (401 after
     * google-auth's own refresh attempt, {@code invalid_grant}) means the grant behind the refresh
     * token is gone, unless Google refused the client itself.
     */
    private static ApiProblem refused(ExternalServiceException e, String reason) {
        if (reason.equals("invalid_client")) {
            return ApiProblem.conflict("problem.export.google-client");
        }
        if (e.status() == 403) {
            return new ApiProblem(
                    HttpStatus.BAD_GATEWAY, "problem.export.google-denied", Integer.toString(e.status()), reason);
        }
        return ApiProblem.conflict("problem.export.google-revoked");
    }

    private static ApiProblem busy(ExternalServiceException e) {
        return e.retryAfter()
                .map(wait -> {
                    long seconds = Math.max(1, wait.toSeconds());
                    ApiProblem busy = new ApiProblem(
                            HttpStatus.SERVICE_UNAVAILABLE, "problem.export.google-busy-for", Long.toString(seconds));
                    busy.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    return busy;
                })
                .orElseGet(() -> new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.export.google-busy"));
    }
}
