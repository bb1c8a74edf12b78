package app.leadgen.outreach.web;

import app.leadgen.outreach.DraftParser;
import app.leadgen.support.ExternalServiceException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures of the LLM and the mail provider into problem details that say what is wrong and
 * what to do (renew the refresh token, top up the account, wait for the limit), in the UI's language.
 */
@RestControllerAdvice(assignableTypes = OutreachController.class)
class ProviderFailures {

    private final MessageSource messages;

    ProviderFailures(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ExternalServiceException.class)
    ResponseEntity<ProblemDetail> failed(ExternalServiceException e) {
        boolean mail = !e.service().equals("openai");
        String reason = e.errorType() == null ? "" : e.errorType();
        String lower = reason.toLowerCase(Locale.ROOT);
        HttpStatus status = HttpStatus.BAD_GATEWAY;
        String key;
        if (reason.equals("not-configured")) {
            status = HttpStatus.CONFLICT;
            key = mail ? "problem.send.not-configured" : "problem.draft.not-configured";
        } else if (lower.equals("invalid_grant")) {
            key = "problem.google.invalid-grant";
        } else if (lower.equals("invalid_client")) {
            key = "problem.google.invalid-client";
        } else if (lower.equals("insufficient_quota")) {
            key = "problem.draft.quota";
        } else if (e.status() == 429 || lower.contains("ratelimit") || lower.equals("dailylimitexceeded")) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            key = mail ? "problem.send.rate-limited" : "problem.draft.rate-limited";
        } else if (e.status() == 401 || e.status() == 403) {
            key = mail ? "problem.send.unauthorized" : "problem.draft.unauthorized";
        } else {
            key = mail ? "problem.send.failed" : "problem.draft.failed";
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        String detail = e.status() == 0 ? reason : e.status() + " " + reason;
        problem.setDetail(messages.getMessage(key, new Object[] {detail}, LocaleContextHolder.getLocale()));
        problem.setProperty("service", e.service());
        problem.setProperty("reason", reason);
        HttpHeaders headers = new HttpHeaders();
        e.retryAfter().ifPresent(d -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, d.toSeconds()))));
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    @ExceptionHandler(DraftParser.UnusableAnswer.class)
    ResponseEntity<ProblemDetail> unusable(DraftParser.UnusableAnswer e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_GATEWAY);
        problem.setDetail(messages.getMessage("problem.draft.unusable", null, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }
}
