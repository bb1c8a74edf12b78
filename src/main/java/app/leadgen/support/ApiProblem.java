package app.leadgen.support;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem whose {@code detail} comes from the message bundle ({@code messageKey}), so
 * API clients and the UI's toasts get the same German (or English) sentence.
 */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, String messageKey, Object... args) {
        super(status, ProblemDetail.forStatus(status), null, messageKey, args);
    }

    public static ApiProblem badRequest(String messageKey, Object... args) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, messageKey, args);
    }

    public static ApiProblem notFound(String messageKey, Object... args) {
        return new ApiProblem(HttpStatus.NOT_FOUND, messageKey, args);
    }

    public static ApiProblem conflict(String messageKey, Object... args) {
        return new ApiProblem(HttpStatus.CONFLICT, messageKey, args);
    }
}
