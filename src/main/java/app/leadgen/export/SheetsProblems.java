package app.leadgen.export;

import app.leadgen.support.ApiProblem;
import app.leadgen.support.ExternalServiceException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * What the user is told when Google fails: configuration problems (409) name the variable to fix,
 * quota (503) says when to try again, anything else is Google's failure (502). Only status and
 * Google's reason code go into the text, never a token.
 */
final class SheetsProblems {

    private SheetsProblems() {}

    static boolean rateLimited(ExternalServiceException e) {
        String reason = String.valueOf(e.errorType()).toLowerCase(Locale.ROOT);
        return e.status() == 429
                || reason.contains("ratelimit")
                || reason.contains("quota")
                || reason.equals("resource_exhausted");
    }

    static ApiProblem of(ExternalServiceException e) {
        String reason = String.valueOf(e.errorType());
        if (reason.equals("not-configured")) {
            return ApiProblem.conflict("problem.export.google-missing");
        }
        // 401 after google-auth's own refresh attempt: the grant behind the refresh token is gone
        if (reason.equals("invalid_grant") || e.status() == 401) {
            return ApiProblem.conflict("problem.export.google-revoked");
        }
        if (reason.equals("invalid_client")) {
            return ApiProblem.conflict("problem.export.google-client");
        }
        if (rateLimited(e)) {
            return e.retryAfter()
                    .map(wait -> {
                        long seconds = Math.max(1, wait.toSeconds());
                        ApiProblem busy = new ApiProblem(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "problem.export.google-busy-for",
                                Long.toString(seconds));
                        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                        return busy;
                    })
                    .orElseGet(() -> new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.export.google-busy"));
        }
        if (e.status() == 403) {
            return new ApiProblem(
                    HttpStatus.BAD_GATEWAY, "problem.export.google-denied", Integer.toString(e.status()), reason);
        }
        if (e.status() == 0) {
            return new ApiProblem(HttpStatus.BAD_GATEWAY, "problem.export.google-unreachable", reason);
        }
        return new ApiProblem(
                HttpStatus.BAD_GATEWAY, "problem.export.google-failed", Integer.toString(e.status()), reason);
    }
}
