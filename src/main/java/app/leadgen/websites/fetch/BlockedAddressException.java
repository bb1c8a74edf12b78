package app.leadgen.websites.fetch;

import java.net.UnknownHostException;

/**
 * Thrown from inside the HTTP client's DNS step when an answer contains a refused address. It is
 * an {@link UnknownHostException} because that is what the client lets through unchanged from its
 * resolver; the fetcher catches it before the general case.
 */
final class BlockedAddressException extends UnknownHostException {

    private final String reason;

    BlockedAddressException(String host, String reason) {
        super(host + ": " + reason);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
