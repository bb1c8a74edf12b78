package app.leadgen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the app maps, taken from its handler mappings (controllers, springdoc, actuator), not
 * from a list: without credentials each answers 401 (a page sends the browser to the login page),
 * except the ones {@link PublicPaths} declares; a VIEWER gets 403 on every state-changing one
 * except their own account; a MEMBER gets 403 on user, audit and settings management.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    record Route(String method, String pattern, String path, boolean page) {
        boolean changes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    List<Route> routes;
    Accounts.TestUser viewer;
    Accounts.TestUser member;

    @BeforeAll
    void walkTheMappings() {
        routes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> routes.addAll(routes(info, handler)));
        }
        viewer = Accounts.create(port, "VIEWER");
        member = Accounts.create(port, "MEMBER");
    }

    @Test
    void theWalkSeesTheAppsRoutes() {
        Set<String> seen = new TreeSet<>(routes.stream().map(Route::toString).toList());
        assertThat(seen)
                .contains(
                        "POST /api/runs",
                        "POST /send/{username}",
                        "POST /draft/{username}",
                        "GET /export",
                        "GET /api/users",
                        "PUT /api/users/{id}",
                        "POST /api/me/keys",
                        "GET /api/audit",
                        "GET /",
                        "GET /users",
                        "GET /v3/api-docs",
                        "GET /actuator/health");
        assertThat(routes).hasSizeGreaterThan(50);
    }

    /**
     * A servlet filter ahead of the security chain that answers requests itself (the tracking links)
     * must serve public paths only: {@link PublicPaths} stays the one list of what answers without a
     * login, even for what never reaches the chain.
     */
    @Test
    void filtersAheadOfTheSecurityChainServePublicPathsOnly() {
        List<String> ahead = new ArrayList<>();
        for (var registration : context.getBeansOfType(
                        org.springframework.boot.web.servlet.FilterRegistrationBean.class)
                .values()) {
            if (registration.getOrder()
                    < org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties
                            .DEFAULT_FILTER_ORDER) {
                for (Object pattern : registration.getUrlPatterns()) {
                    if (!"/*".equals(pattern)) {
                        ahead.add(pattern.toString());
                    }
                }
            }
        }
        assertThat(ahead).contains("/track/open/*", "/track/click/*");
        for (String pattern : ahead) {
            assertThat(PublicPaths.isPublic(pattern.replace("*", "token")))
                    .as(pattern + " is answered ahead of the security chain")
                    .isTrue();
        }
    }

    @Test
    void withoutCredentialsOnlyThePublicPathsAnswer() {
        Api anonymous = Api.anonymous(port);
        SoftAssertions soft = new SoftAssertions();
        for (Route route : routes) {
            Api.Reply reply = call(anonymous, route);
            if (PublicPaths.isPublic(route.path())) {
                soft.assertThat(reply.status()).as(route + " is public").isNotEqualTo(401);
                if (!route.path().equals(PublicPaths.SETUP)) { // once a user exists, the setup page sends to the login
                    soft.assertThat(location(reply)).as(route + " is public").doesNotEndWith("/login");
                }
            } else if (route.page()) {
                soft.assertThat(reply.status()).as(route + " (page)").isEqualTo(302);
                soft.assertThat(location(reply)).as(route + " (page)").isEqualTo("/login");
            } else {
                soft.assertThat(reply.status()).as(route.toString()).isEqualTo(401);
                soft.assertThat(reply.contentType()).as(route.toString()).startsWith("application/problem+json");
                soft.assertThat(reply.body()).as(route.toString()).contains("Nicht angemeldet");
            }
        }
        soft.assertAll();
    }

    @Test
    void aViewerMayChangeNothingButTheirOwnAccount() {
        Api viewerKey = new Api(port, viewer.key());
        SoftAssertions soft = new SoftAssertions();
        for (Route route : routes) {
            if (PublicPaths.isPublic(route.path())) {
                continue;
            }
            int status = call(viewerKey, route).status();
            if (ownAccount(route.path())) {
                soft.assertThat(status).as(route + " (own account)").isNotIn(401, 403);
            } else if (route.changes()
                    || adminOnly(route.path())
                    || route.path().startsWith("/export")) {
                soft.assertThat(status).as(route.toString()).isEqualTo(403);
            } else {
                soft.assertThat(status).as(route + " (a read)").isNotIn(401, 403);
            }
        }
        soft.assertAll();
    }

    @Test
    void aMemberMayNotManageUsersAuditOrSettings() {
        Api memberKey = new Api(port, member.key());
        SoftAssertions soft = new SoftAssertions();
        int refused = 0;
        for (Route route : routes) {
            if (PublicPaths.isPublic(route.path()) || !route.changes() && !adminOnly(route.path())) {
                continue;
            }
            boolean management = adminOnly(route.path()) || route.path().startsWith("/api/settings/");
            if (management) {
                soft.assertThat(call(memberKey, route).status())
                        .as(route.toString())
                        .isEqualTo(403);
                refused++;
            }
        }
        soft.assertAll();
        assertThat(refused).as("management routes walked").isGreaterThanOrEqualTo(8);
    }

    @Test
    void anAdminKeyReadsEverything() {
        Api admin = new Api(port);
        SoftAssertions soft = new SoftAssertions();
        for (Route route : routes) {
            // API_KEY has no account of its own (/api/me: 403); the event stream would stay open
            if (!route.changes() && !route.path().contains("/events") && !ownAccount(route.path())) {
                soft.assertThat(call(admin, route).status())
                        .as(route.toString())
                        .isNotIn(401, 403);
            }
        }
        soft.assertAll();
    }

    private static boolean adminOnly(String path) {
        return path.equals("/users")
                || path.startsWith("/api/users")
                || path.equals("/audit")
                || path.startsWith("/api/audit");
    }

    private static boolean ownAccount(String path) {
        // "/api/messages" is not one's own account: the prefix is "/api/me/"
        return path.equals("/profile") || path.equals("/api/me") || path.startsWith("/api/me/");
    }

    private static Api.Reply call(Api api, Route route) {
        Api.Reply reply;
        if (route.page()) {
            reply = api.with("Accept", "text/html").request(route.method(), route.path(), null);
        } else {
            reply = api.with("Accept", "application/json")
                    .request(route.method(), route.path(), route.changes() ? "{}" : null);
        }
        return reply;
    }

    private static String location(Api.Reply reply) {
        String location = reply.header("Location");
        return location == null ? "" : location;
    }

    private static List<Route> routes(RequestMappingInfo info, HandlerMethod handler) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> names = methods.isEmpty()
                ? List.of("GET", "POST")
                : methods.stream().map(Enum::name).toList();
        boolean page = !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                && !handler.hasMethodAnnotation(ResponseBody.class)
                && !org.springframework.http.ResponseEntity.class.isAssignableFrom(
                        handler.getMethod().getReturnType())
                && handler.getMethod().getReturnType().equals(String.class);
        List<Route> routes = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            String path = pattern.replaceAll("\\{\\*[^}]*}", "x")
                    // an id no row has: a route the role may call must not change real rows (the test's own key)
                    .replaceAll("\\{[^}]*}", "999999")
                    .replace("/**", "/x")
                    .replace("*", "x");
            for (String method : names) {
                routes.add(new Route(method, pattern, path, page));
            }
        }
        return routes;
    }
}
