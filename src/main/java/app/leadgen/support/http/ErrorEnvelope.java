package app.leadgen.support.http;

import app.leadgen.support.FailureKind;
import tools.jackson.databind.JsonNode;

/**
 * How one vendor writes its errors: reads the body of a non-2xx answer into the vendor's error type
 * and message and classifies it. The body is {@code MissingNode} when it was not JSON (a proxy's
 * HTML page, say); then the status alone decides.
 */
@FunctionalInterface
public interface ErrorEnvelope {

    VendorError read(int status, JsonNode body);

    /** The vendor's error in our terms; {@code type} and {@code message} go to logs and the run's ledger. */
    record VendorError(FailureKind kind, String type, String message) {

        /** What is known without a readable envelope: {@code http-503}, "HTTP 503". */
        public static VendorError ofStatus(int status) {
            return new VendorError(FailureKind.ofStatus(status), "http-" + status, "HTTP " + status);
        }
    }
}
