package app.leadgen.accounts;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Everything that answers without a login, and nothing else: the one list the security
 * configuration opens and the route-walking test checks against. A new public endpoint is added
 * here or it stays closed.
 */
final class PublicPaths {

    static final String LOGIN = "/login";
    /** The first-admin page; it answers only from the machine itself and only while no user exists. */
    static final String SETUP = "/setup";

    /** Liveness and the health status (details need a login); also open before the first admin and for any Host. */
    static final List<String> PROBES = List.of("/ping", "/actuator/health");

    static final List<String> ASSETS = List.of("/css/**", "/js/**", "/webjars/**", "/favicon.ico");

    /**
     * The public links in mails: tracking pixels and clicks, unsubscribing (module tracking: signed
     * tokens, rate limited per address), webhooks (these check their own shared secret; their
     * controllers come later, the paths are open from now on).
     */
    static final List<String> CAMPAIGNS = List.of("/track/**", "/u/**", "/webhooks/**");

    /** Spring's error page (an error of a request that was let in is rendered there). */
    static final String ERROR = "/error";

    static final List<String> ALL = Stream.of(
                    Stream.of(LOGIN, SETUP, ERROR), PROBES.stream(), ASSETS.stream(), CAMPAIGNS.stream())
            .flatMap(s -> s)
            .toList();

    private static final List<PathPattern> PARSED =
            ALL.stream().map(PathPatternParser.defaultInstance::parse).toList();
    private static final List<PathPattern> ALWAYS_OPEN = Stream.concat(PROBES.stream(), ASSETS.stream())
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private PublicPaths() {}

    /** Whether a request path (without the context path) is public. */
    static boolean isPublic(String path) {
        return matches(PARSED, path);
    }

    /** Probes and static assets: open even before the first admin exists and for any Host header. */
    static boolean isAlwaysOpen(String path) {
        return matches(ALWAYS_OPEN, path);
    }

    private static boolean matches(List<PathPattern> patterns, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return patterns.stream().anyMatch(p -> p.matches(container));
    }
}
