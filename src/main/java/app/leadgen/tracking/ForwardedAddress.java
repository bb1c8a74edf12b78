package app.leadgen.tracking;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;

/**
 * The client's address on the tracking port, for the rate limit and the events. Behind a reverse
 * proxy ({@code SERVER_FORWARD_HEADERS_STRATEGY=native}, as on the app's port) a request from an
 * internal address (loopback, private, link-local, carrier-grade NAT, IPv6 unique local) is the
 * proxy's: the client is the right-most address of {@code X-Forwarded-For} that is not internal —
 * the rule of Tomcat's {@code RemoteIpValve}, which serves the app's port. Otherwise, or when the
 * header holds nothing usable, the connection's own address. Only literal addresses count: no name
 * is ever resolved.
 */
final class ForwardedAddress {

    private final boolean trustProxies;

    ForwardedAddress(boolean trustProxies) {
        this.trustProxies = trustProxies;
    }

    /** Whether a connection from {@code peer} is a proxy whose {@code X-Forwarded-For} counts. */
    boolean trusts(InetAddress peer) {
        return trustProxies && internal(peer);
    }

    /** The client behind a trusted proxy whose own address is {@code proxy}. */
    String forwarded(String proxy, HttpHeaders headers) {
        // every header line: a proxy that adds a line of its own leaves the client's (forgeable) one first
        String forwarded = String.join(",", headers.getAll("X-Forwarded-For"));
        if (forwarded.isEmpty()) {
            return proxy;
        }
        String[] hops = forwarded.split(",");
        String leftmost = null;
        for (int i = hops.length - 1; i >= 0; i--) {
            InetAddress hop = NetUtil.createInetAddressFromIpAddressString(hops[i].trim());
            if (hop == null) {
                break; // not a literal address: nothing left of it can be trusted
            }
            if (!internal(hop)) {
                return hop.getHostAddress();
            }
            leftmost = hop.getHostAddress();
        }
        return leftmost == null ? proxy : leftmost;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64; // 100.64.0.0/10
        }
        return (bytes[0] & 0xFE) == 0xFC; // fc00::/7
    }
}
