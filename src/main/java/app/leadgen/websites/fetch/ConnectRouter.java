package app.leadgen.websites.fetch;

import java.net.InetSocketAddress;

/**
 * Where a socket really connects to, after the address was checked. Production connects to the
 * checked address itself ({@link #DIRECT}). Tests use it to prove the SSRF rules with
 * allow-private off: a made-up host resolves to a public documentation address (203.0.113.0/24,
 * which nobody can serve), passes the check, and only then is routed to the local test server.
 * Every address still goes through the check first, so a router cannot let a private address in.
 */
@FunctionalInterface
public interface ConnectRouter {

    ConnectRouter DIRECT = checked -> checked;

    InetSocketAddress route(InetSocketAddress checked);
}
