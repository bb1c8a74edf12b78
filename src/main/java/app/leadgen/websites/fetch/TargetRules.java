package app.leadgen.websites.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a URL must look like before we resolve its host: web scheme, web port, no credentials. */
final class TargetRules {

    /** Ports a business website is served on. Others (22, 25, 6379, …) are how SSRF reaches services. */
    static final Set<Integer> WEB_PORTS = Set.of(80, 443, 8080, 8443);

    private TargetRules() {}

    /**
     * Empty when the URL may be fetched. With {@code allowPrivate} (local test servers) any port is
     * allowed, because such servers listen on random ports.
     */
    static Optional<String> refusal(URI url, boolean allowPrivate) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("scheme not allowed: " + (scheme.isEmpty() ? "none" : scheme));
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("credentials in URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("no host");
        }
        int port = url.getPort();
        if (port != -1 && !allowPrivate && !WEB_PORTS.contains(port)) {
            return Optional.of("port not allowed: " + port);
        }
        return Optional.empty();
    }
}
