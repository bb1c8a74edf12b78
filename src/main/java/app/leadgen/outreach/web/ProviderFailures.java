package app.leadgen.outreach.web;

import app.leadgen.outreach.DraftParser;
import app.leadgen.outreach.MailSender;
import app.leadgen.support.ExternalServiceException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

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

    /**
     * What the user was doing decides the wording (drafting talks about the AI provider, sending about
     * Gmail); the failure's kind decides the status and the advice.
     */
    @ExceptionHandler(ExternalServiceException.class)
    ResponseEntity<ProblemDetail> failed(ExternalServiceException e, HandlerMethod handler) {
        boolean drafting = handler != null && handler.getMethod().getName().equals("draft");
        String reason = e.errorType() == null ? "" : e.errorType();
        if (!drafting && "smtp".equals(e.service())) {
            return smtp(e, reason);
        }
        HttpStatus status = HttpStatus.BAD_GATEWAY;
        String key =
                switch (e.kind()) {
                    case NOT_CONFIGURED -> {
                        status = HttpStatus.CONFLICT;
                        yield drafting ? "problem.draft.not-configured" : "problem.send.not-configured";
                    }
                    case CREDENTIALS -> credentials(reason, drafting);
                        // an empty AI account needs money; Gmail's daily sending limit needs a day
                    case QUOTA -> {
                        if (drafting) {
                            yield "problem.draft.quota";
                        }
                        status = HttpStatus.SERVICE_UNAVAILABLE;
                        yield "problem.send.rate-limited";
                    }
                    case RATE_LIMITED -> {
                        status = HttpStatus.SERVICE_UNAVAILABLE;
                        yield drafting ? "problem.draft.rate-limited" : "problem.send.rate-limited";
                    }
                    default -> drafting ? "problem.draft.failed" : "problem.send.failed";
                };
        ProblemDetail problem = ProblemDetail.forStatus(status);
        String detail = e.status() == 0 ? reason : e.status() + " " + reason;
        problem.setDetail(messages.getMessage(key, new Object[] {detail}, LocaleContextHolder.getLocale()));
        problem.setProperty("service", e.service());
        problem.setProperty("reason", reason);
        HttpHeaders headers = new HttpHeaders();
        e.retryAfter().ifPresent(d -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, d.toSeconds()))));
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    /**
     * The SMTP mailbox's failures: a recipient refused for good (422, now on the suppression list),
     * refused login, a limit of the provider, anything else (the server's answer in the text).
     */
    private ResponseEntity<ProblemDetail> smtp(ExternalServiceException e, String reason) {
        HttpStatus status = HttpStatus.BAD_GATEWAY;
        String key = "problem.send.smtp-failed";
        if (MailSender.HARD_BOUNCE.equals(reason)) {
            status = HttpStatus.UNPROCESSABLE_ENTITY;
            key = "problem.send.bounced";
        } else if (e.kind() == app.leadgen.support.FailureKind.CREDENTIALS) {
            key = "problem.send.smtp-unauthorized";
        } else if (e.kind() == app.leadgen.support.FailureKind.RATE_LIMITED
                || e.kind() == app.leadgen.support.FailureKind.QUOTA) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            key = "problem.send.smtp-rate-limited";
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        String detail = e.status() == 0 ? e.getMessage() : e.status() + " " + e.getMessage();
        problem.setDetail(messages.getMessage(key, new Object[] {detail}, LocaleContextHolder.getLocale()));
        problem.setProperty("service", e.service());
        problem.setProperty("reason", reason);
        return ResponseEntity.status(status).body(problem);
    }

    /** Google's OAuth errors name what to renew; anything else is a refused key or missing scope. */
    private static String credentials(String reason, boolean drafting) {
        if (reason.equals("invalid_grant")) {
            return "problem.google.invalid-grant";
        }
        if (reason.equals("invalid_client")) {
            return "problem.google.invalid-client";
        }
        return drafting ? "problem.draft.unauthorized" : "problem.send.unauthorized";
    }

    @ExceptionHandler(DraftParser.UnusableAnswer.class)
    ResponseEntity<ProblemDetail> unusable(DraftParser.UnusableAnswer e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_GATEWAY);
        problem.setDetail(messages.getMessage("problem.draft.unusable", null, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }
}
