package app.leadgen.apify;

import app.leadgen.support.FailureKind;
import app.leadgen.support.http.ErrorEnvelope;
import tools.jackson.databind.JsonNode;

/**
 * Apify's error envelope {@code {"error":{"type","message"}}} (contracts §1). The type says more than
 * the status: a 402 {@code not-enough-usage-to-run-paid-actor} and a 403
 * {@code platform-feature-disabled} ("Monthly usage hard limit exceeded") are an empty account, a
 * 403 {@code insufficient-permissions} is a token without rights, a 408
 * {@code run-timeout-exceeded} a run that goes on (and is billed) at Apify.
 */
final class ApifyErrors implements ErrorEnvelope {

    @Override
    public VendorError read(int status, JsonNode body) {
        VendorError byStatus = VendorError.ofStatus(status);
        JsonNode error = body.path("error");
        String type = error.isObject() ? error.path("type").asString(byStatus.type()) : byStatus.type();
        String message = error.isObject() ? error.path("message").asString(byStatus.message()) : byStatus.message();
        return new VendorError(kind(status, type), type, message);
    }

    private static FailureKind kind(int status, String type) {
        return switch (type) {
            case "not-enough-usage-to-run-paid-actor", "platform-feature-disabled" -> FailureKind.QUOTA;
            case "user-or-token-not-found", "token-not-provided", "insufficient-permissions" -> FailureKind.CREDENTIALS;
            case "rate-limit-exceeded" -> FailureKind.RATE_LIMITED;
            case "run-timeout-exceeded" -> FailureKind.TIMEOUT;
            default -> FailureKind.ofStatus(status);
        };
    }
}
