package app.leadgen.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Whose address a request on the tracking port counts as: the proxy's rule of Tomcat's RemoteIpValve. */
class ForwardedAddressTest {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.1.2.3", 40000);
    private static final InetSocketAddress PUBLIC = new InetSocketAddress("203.0.113.50", 40000);

    @Test
    void behindATrustedProxyTheRightMostOutsideAddressIsTheClient() {
        ForwardedAddress addresses = new ForwardedAddress(true);

        assertThat(client(addresses, PROXY, forwardedFor("198.51.100.1"))).isEqualTo("198.51.100.1");
        // the client may write anything left of what the proxy added: only the right-most outside address counts
        assertThat(client(addresses, PROXY, forwardedFor("1.2.3.4, 198.51.100.1, 192.168.0.7")))
                .isEqualTo("198.51.100.1");
        assertThat(client(addresses, PROXY, forwardedFor("2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(client(addresses, PROXY, forwardedFor("192.168.0.7, 127.0.0.1")))
                .as("all internal: the left-most")
                .isEqualTo("192.168.0.7");
        assertThat(client(addresses, PROXY, new DefaultHttpHeaders())).isEqualTo("10.1.2.3");
    }

    @Test
    void namesAndGarbageAreNeverResolvedOrTrusted() {
        ForwardedAddress addresses = new ForwardedAddress(true);

        assertThat(client(addresses, PROXY, forwardedFor("evil.example"))).isEqualTo("10.1.2.3");
        assertThat(client(addresses, PROXY, forwardedFor("198.51.100.1, not-an-address")))
                .isEqualTo("10.1.2.3");
        assertThat(client(addresses, PROXY, forwardedFor(""))).isEqualTo("10.1.2.3");
    }

    @Test
    void aRequestFromOutsideOrWithoutTheProxySettingIsItsOwnAddress() {
        assertThat(client(new ForwardedAddress(true), PUBLIC, forwardedFor("198.51.100.1")))
                .as("an outside address cannot name someone else")
                .isEqualTo("203.0.113.50");
        assertThat(client(new ForwardedAddress(false), PROXY, forwardedFor("198.51.100.1")))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void internalMeansLoopbackPrivateLinkLocalSharedAndUniqueLocal() throws Exception {
        for (String internal : new String[] {
            "127.0.0.1",
            "10.0.0.1",
            "172.16.5.5",
            "192.168.1.1",
            "169.254.0.1",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1"
        }) {
            assertThat(ForwardedAddress.internal(java.net.InetAddress.getByName(internal)))
                    .as(internal)
                    .isTrue();
        }
        for (String outside : new String[] {"8.8.8.8", "100.128.0.1", "172.32.0.1", "2001:db8::1"}) {
            assertThat(ForwardedAddress.internal(java.net.InetAddress.getByName(outside)))
                    .as(outside)
                    .isFalse();
        }
    }

    /** What the tracking port's handler does per request. */
    private static String client(ForwardedAddress addresses, InetSocketAddress peer, HttpHeaders headers) {
        String own = peer.getAddress().getHostAddress();
        return addresses.trusts(peer.getAddress()) ? addresses.forwarded(own, headers) : own;
    }

    private static HttpHeaders forwardedFor(String value) {
        return new DefaultHttpHeaders().set("X-Forwarded-For", value);
    }
}
