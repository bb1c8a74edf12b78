package app.leadgen.accounts;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what: the whole policy, first match wins.
 *
 * <ol>
 *   <li>{@link PublicPaths}: anyone.
 *   <li>Users, the audit log: {@code ADMIN} only, reading included.
 *   <li>Settings ({@code /api/settings/**}: prompts, model, batches, schedule) and mailboxes
 *       ({@code /api/mailboxes/**}: SMTP credentials): every role reads, only {@code ADMIN} changes.
 *   <li>One's own account ({@code /profile}, {@code /api/me/**}: password, personal keys): every
 *       logged-in role.
 *   <li>Exports: {@code MEMBER}, although they are GETs (a member's action, audited and limited).
 *   <li>Any other read ({@code GET}, {@code HEAD}): {@code VIEWER}.
 *   <li>Anything else (starting, stopping, sending, drafting, editing): {@code MEMBER}.
 * </ol>
 *
 * A request with neither session nor key that is not public gets 401 (a browser is sent to the
 * login page); a logged-in caller without the role gets 403.
 */
final class AccessPolicy {

    static final List<String> ADMIN_ONLY = List.of("/users", "/api/users", "/api/users/**", "/audit", "/api/audit");
    /** Settings, and mailboxes (their credentials: module campaigns). */
    static final List<String> ADMIN_TO_CHANGE = List.of("/api/settings/**", "/api/mailboxes", "/api/mailboxes/**");

    static final List<String> OWN_ACCOUNT = List.of("/profile", "/api/me/**");
    static final List<String> MEMBER_TO_READ = List.of("/export", "/export/**");

    private AccessPolicy() {}

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        rules.requestMatchers(PublicPaths.ALL.toArray(String[]::new)).permitAll();
        rules.requestMatchers(ADMIN_ONLY.toArray(String[]::new)).hasRole(Role.ADMIN.name());
        for (String p : ADMIN_TO_CHANGE) {
            rules.requestMatchers(path.matcher(HttpMethod.GET, p), path.matcher(HttpMethod.HEAD, p))
                    .hasRole(Role.VIEWER.name());
            rules.requestMatchers(p).hasRole(Role.ADMIN.name());
        }
        rules.requestMatchers(OWN_ACCOUNT.toArray(String[]::new)).hasRole(Role.VIEWER.name());
        rules.requestMatchers(MEMBER_TO_READ.toArray(String[]::new)).hasRole(Role.MEMBER.name());
        rules.requestMatchers(HttpMethod.GET).hasRole(Role.VIEWER.name());
        rules.requestMatchers(HttpMethod.HEAD).hasRole(Role.VIEWER.name());
        rules.anyRequest().hasRole(Role.MEMBER.name());
    }
}
