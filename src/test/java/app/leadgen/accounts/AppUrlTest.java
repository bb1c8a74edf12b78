package app.leadgen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;

/** APP_URL: its host passes the Host check, and an https address makes the session cookie Secure. */
class AppUrlTest {

    private static SecurityProperties appUrl(String url) {
        return new SecurityProperties(null, null, null, url, 2, DataSize.ofMegabytes(1));
    }

    @Test
    void theHostOfAppUrlIsAnsweredOthersAreNot() throws Exception {
        HostCheck check = new HostCheck(
                appUrl("https://Leads.Example.de/app"),
                new Problems(
                        new StaticMessageSource(),
                        new StaticListableBeanFactory().getBeanProvider(LocaleResolver.class)));
        assertThat(status(check, "leads.example.de")).isEqualTo(200);
        assertThat(status(check, "leads.example.de:443")).isEqualTo(200);
        assertThat(status(check, "localhost:8080")).isEqualTo(200);
        assertThat(status(check, "other.example.de")).isEqualTo(400);
        assertThat(status(check, null)).isEqualTo(400);
    }

    @Test
    void anHttpsAppUrlMakesTheSessionCookieSecure() throws Exception {
        MockServletContext https = new MockServletContext();
        new SecurityConfig()
                .secureSessionCookie(appUrl("https://leads.example.de"))
                .onStartup(https);
        assertThat(https.getSessionCookieConfig().isSecure()).isTrue();

        MockServletContext local = new MockServletContext();
        new SecurityConfig().secureSessionCookie(appUrl(null)).onStartup(local);
        assertThat(local.getSessionCookieConfig().isSecure()).isFalse();
    }

    private static int status(HostCheck check, String host) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        if (host != null) {
            request.addHeader("Host", host);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        check.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(200));
        return response.getStatus();
    }
}
