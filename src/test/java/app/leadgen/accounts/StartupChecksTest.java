package app.leadgen.accounts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Settings that would open the app by accident stop the start. */
class StartupChecksTest {

    @Test
    void listeningBeyondLoopbackNeedsASecretKey() {
        assertThatCode(() -> StartupChecks.check(env().withProperty("server.address", "127.0.0.1")))
                .doesNotThrowAnyException();
        assertThatCode(() -> StartupChecks.check(env().withProperty("server.address", "localhost")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> StartupChecks.check(env().withProperty("server.address", "0.0.0.0")))
                .hasMessageContaining("SECRET_KEY");
        assertThatThrownBy(() -> StartupChecks.check(env().withProperty("server.address", "")))
                .hasMessageContaining("SECRET_KEY");
        assertThatCode(() -> StartupChecks.check(env().withProperty("server.address", "0.0.0.0")
                        .withProperty("leadgen.secret-key", "a-long-random-secret-of-our-own")))
                .doesNotThrowAnyException();
    }

    @Test
    void theJobRunrDashboardNeedsCredentialsAndAnExplicitYesToAllInterfaces() {
        MockEnvironment on =
                env().withProperty("server.address", "127.0.0.1").withProperty("jobrunr.dashboard.enabled", "true");
        assertThatThrownBy(() -> StartupChecks.check(on)).hasMessageContaining("JOBRUNR_DASHBOARD_USERNAME");
        on.withProperty("jobrunr.dashboard.username", "ops").withProperty("jobrunr.dashboard.password", "kurz");
        assertThatThrownBy(() -> StartupChecks.check(on)).hasMessageContaining("JOBRUNR_DASHBOARD_PASSWORD");
        on.withProperty("jobrunr.dashboard.password", "a-long-dashboard-password");
        assertThatThrownBy(() -> StartupChecks.check(on)).hasMessageContaining("JOBRUNR_DASHBOARD_ALL_INTERFACES");
        on.withProperty("leadgen.security.dashboard-all-interfaces", "true");
        assertThatCode(() -> StartupChecks.check(on)).doesNotThrowAnyException();
    }

    @Test
    void anApiKeyMustBeLongAndNotTheExample() {
        MockEnvironment env = env().withProperty("server.address", "127.0.0.1");
        assertThatThrownBy(() -> StartupChecks.check(env.withProperty("leadgen.security.api-key", "short")))
                .hasMessageContaining("API_KEY");
        assertThatThrownBy(() ->
                        StartupChecks.check(env.withProperty("leadgen.security.api-key", "your-admin-api-key-here")))
                .hasMessageContaining("API_KEY");
        assertThatCode(() -> StartupChecks.check(
                        env.withProperty("leadgen.security.api-key", "k7P2wQ9xZr4mT8vB1nL6cF3hJ5dS0aG")))
                .doesNotThrowAnyException();
    }

    private static MockEnvironment env() {
        return new MockEnvironment();
    }
}
