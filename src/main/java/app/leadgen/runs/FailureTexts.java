package app.leadgen.runs;

import app.leadgen.support.ExternalServiceException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reason a run stores when an external service failed it: a message key by the kind of failure,
 * with the service's name and the service's own words as arguments.
 */
@Component
class FailureTexts {

    private final MessageSource messages;

    FailureTexts(MessageSource messages) {
        this.messages = messages;
    }

    Text describe(ExternalServiceException e) {
        String service = messages.getMessage("service." + e.service(), null, e.service(), Locale.ROOT);
        String detail = e.getMessage() == null ? "" : e.getMessage();
        return switch (e.kind()) {
            case CREDENTIALS -> Text.of("run.error.unauthorized", service, detail);
            case QUOTA -> Text.of("run.error.forbidden", service, e.status(), detail);
            case CANCELLED -> Text.of("run.error.cancelled", service);
            default -> Text.of(
                    "run.error.service", service, e.status() == 0 ? e.errorType() : "HTTP " + e.status(), detail);
        };
    }
}
