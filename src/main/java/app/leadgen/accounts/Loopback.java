package app.leadgen.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether a request comes from the machine itself. A request relayed by a proxy on the same machine
 * (it carries {@code Forwarded} or {@code X-Forwarded-For}) does not count: its sender is elsewhere.
 */
final class Loopback {

    private Loopback() {}

    static boolean is(HttpServletRequest request) {
        if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null) {
            return false;
        }
        return isLoopbackAddress(request.getRemoteAddr());
    }

    static boolean isLoopbackAddress(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // a literal address is parsed, never looked up
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
