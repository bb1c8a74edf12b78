package app.leadgen.websites.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which resolved addresses a prospect website may have. Everything that reaches our own machine or
 * network is refused: loopback, any-local, link-local (169.254/16 with the cloud metadata service,
 * fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), multicast, CGNAT
 * (100.64/10), 0/8 and the other reserved IPv4 blocks. IPv6 forms that carry an IPv4 address
 * (mapped, compatible, NAT64, 6to4) are judged by that address;
 * Teredo tunnel addresses are refused.
 */
final class AddressPolicy {

    private final boolean allowPrivate;

    AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    boolean allowPrivate() {
        return allowPrivate;
    }

    /** Empty when the address may be contacted, else why not. */
    Optional<String> refusal(InetAddress address) {
        return allowPrivate ? Optional.empty() : Optional.ofNullable(reason(address));
    }

    static String reason(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            String embedded = embeddedIpv4Reason(v6.getAddress());
            if (embedded != null) {
                return embedded;
            }
            byte[] b = v6.getAddress();
            if ((b[0] & 0xfe) == 0xfc) {
                return "private address (fc00::/7)";
            }
        }
        if (a.isLoopbackAddress()) {
            return "loopback address";
        }
        if (a.isAnyLocalAddress()) {
            return "any-local address";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local address";
        }
        if (a.isSiteLocalAddress()) {
            return "private address";
        }
        if (a.isMulticastAddress()) {
            return "multicast address";
        }
        return a instanceof Inet4Address ? reservedIpv4(a.getAddress()) : null;
    }

    private static String reservedIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "reserved address (0.0.0.0/8)";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "carrier-grade NAT address (100.64.0.0/10)";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "reserved address (192.0.0.0/24)";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "reserved address (198.18.0.0/15)";
        }
        if (first >= 240) {
            return "reserved address (240.0.0.0/4)";
        }
        return null;
    }

    /** The reason for an IPv4 address carried inside an IPv6 one, or null. */
    private static String embeddedIpv4Reason(byte[] b) {
        byte[] v4 = null;
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            v4 = slice(b, 12); // ::ffff:a.b.c.d, mapped
        } else if (isZero(b, 0, 12) && !(isZero(b, 12, 15) && (b[15] == 0 || b[15] == 1))) {
            v4 = slice(b, 12); // ::a.b.c.d, compatible (:: and ::1 are judged as themselves)
        } else if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            v4 = slice(b, 12); // 64:ff9b::/96, NAT64
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]}; // 2002::/16, 6to4
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            return "Teredo tunnel address (2001::/32)"; // a relay decides where it goes: not ours to trust
        }
        if (v4 == null) {
            return null;
        }
        try {
            String reason = reason(InetAddress.getByAddress(v4));
            return reason == null ? null : reason + " (inside an IPv6 address)";
        } catch (UnknownHostException impossible) {
            return "malformed address";
        }
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
