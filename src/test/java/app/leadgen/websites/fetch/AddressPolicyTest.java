package app.leadgen.websites.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal addresses only: {@link InetAddress#getByName} does not ask DNS for them. */
class AddressPolicyTest {

    private final AddressPolicy policy = new AddressPolicy(false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254",
                "0.0.0.0",
                "0.1.2.3",
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.0.1",
                "169.254.169.254",
                "169.254.0.1",
                "100.64.0.1",
                "100.127.255.255",
                "224.0.0.1",
                "239.255.255.250",
                "255.255.255.255",
                "240.0.0.1",
                "198.18.0.1",
                "192.0.0.170",
                "::",
                "::1",
                "fe80::1",
                "fc00::1",
                "fd12:3456:789a::1",
                "fec0::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::127.0.0.1",
                "64:ff9b::7f00:1",
                "64:ff9b::a9fe:a9fe",
                "2002:7f00:1::1",
                "2002:c0a8:101::1",
                "2001:0::1"
            })
    void refused(String address) throws UnknownHostException {
        assertThat(policy.refusal(InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "8.8.8.8",
                "172.32.0.1",
                "172.15.255.255",
                "100.128.0.1",
                "100.63.255.255",
                "192.169.0.1",
                "169.255.0.1",
                "203.0.113.10",
                "2606:4700:4700::1111",
                "2a00:1450:4001:80b::2003",
                "64:ff9b::808:808",
                "2002:808:808::1"
            })
    void allowed(String address) throws UnknownHostException {
        assertThat(policy.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "169.254.169.254", "10.0.0.1", "::1"})
    void allowPrivateLetsEverythingThrough(String address) throws UnknownHostException {
        assertThat(new AddressPolicy(true).refusal(InetAddress.getByName(address)))
                .isEmpty();
    }
}
