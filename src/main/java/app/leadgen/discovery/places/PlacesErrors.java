package app.leadgen.discovery.places;

import app.leadgen.support.FailureKind;
import app.leadgen.support.http.ErrorEnvelope;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The google.rpc envelope {@code {"error":{"code","message","status","details":[…]}}} of Places
 * (contracts §7). The error type is the lower-cased {@code status} ({@code invalid_argument}). An
 * invalid key comes as 400 INVALID_ARGUMENT with the reason {@code API_KEY_INVALID} in the details:
 * that is a credentials problem, not a bad request.
 */
final class PlacesErrors implements ErrorEnvelope {

    @Override
    public VendorError read(int status, JsonNode body) {
        VendorError byStatus = VendorError.ofStatus(status);
        JsonNode error = body.path("error");
        if (!error.isObject()) {
            return byStatus;
        }
        String type = error.path("status").asString(byStatus.type()).toLowerCase(Locale.ROOT);
        String message = error.path("message").asString(byStatus.message());
        return new VendorError(kind(status, type, error.path("details")), type, message);
    }

    private static FailureKind kind(int status, String type, JsonNode details) {
        for (JsonNode detail : details) {
            if ("API_KEY_INVALID".equals(detail.path("reason").asString(""))) {
                return FailureKind.CREDENTIALS;
            }
        }
        return switch (type) {
            case "unauthenticated", "permission_denied" -> FailureKind.CREDENTIALS;
            case "resource_exhausted" -> FailureKind.RATE_LIMITED;
            case "invalid_argument", "failed_precondition", "not_found" -> FailureKind.BAD_REQUEST;
            case "deadline_exceeded", "unavailable", "internal" -> FailureKind.UNAVAILABLE;
            default -> FailureKind.ofStatus(status);
        };
    }
}
