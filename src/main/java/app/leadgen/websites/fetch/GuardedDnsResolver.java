package app.leadgen.websites.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way from a host name to a socket address. It checks every address of the
 * answer at connect time, so the address the socket connects to is one that was checked: a DNS
 * answer that changes between the fetcher's own check and the connect (DNS rebinding) is checked
 * again here. If any address of an answer is refused, the whole host is: a name that also points
 * into our network is not a prospect's website.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final ConnectRouter router;

    GuardedDnsResolver(HostResolver resolver, AddressPolicy policy, ConnectRouter router) {
        this.resolver = resolver;
        this.policy = policy;
        this.router = router;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(bare(host));
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            var refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new BlockedAddressException(host, refusal.get() + " " + address.getHostAddress());
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> targets = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            targets.add(router.route(new InetSocketAddress(address, port)));
        }
        return targets;
    }

    /** No reverse lookups: the name the caller gave is the name TLS verifies. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** IPv6 literals arrive as {@code [::1]} from {@link java.net.URI#getHost()}. */
    static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
