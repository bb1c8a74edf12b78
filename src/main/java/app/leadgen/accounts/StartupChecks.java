package app.leadgen.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Settings that would open the app to others by accident stop the start, before any bean is built:
 *
 * <ul>
 *   <li>listening on anything but loopback ({@code SERVER_ADDRESS}) without a {@code SECRET_KEY} of
 *       one's own (the example value of {@code .env.example} is refused by {@code SecretBox} anyway);
 *   <li>JobRunr's dashboard without {@code JOBRUNR_DASHBOARD_USERNAME}/{@code _PASSWORD}, or without
 *       {@code JOBRUNR_DASHBOARD_ALL_INTERFACES=true}: JobRunr's dashboard is its own server outside
 *       the login, and it always listens on every interface;
 *   <li>an {@code API_KEY} shorter than 24 characters or the example value of seed 002.
 * </ul>
 */
class StartupChecks implements BeanFactoryPostProcessor, EnvironmentAware {

    static final int MIN_API_KEY = 24;
    private static final List<String> EXAMPLE_KEYS = List.of("your-admin-api-key-here", "change-me");

    private Environment env;

    @Override
    public void setEnvironment(Environment environment) {
        this.env = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(env);
    }

    static void check(Environment env) {
        String address = env.getProperty("server.address", "");
        String secret = env.getProperty("leadgen.secret-key", "");
        if (!listensOnLoopbackOnly(address) && secret.isBlank()) {
            throw new IllegalStateException("SERVER_ADDRESS=" + (address.isBlank() ? "(all interfaces)" : address)
                    + " makes the app reachable from other machines: set SECRET_KEY to a long random string of your"
                    + " own (e.g. openssl rand -base64 32), the same on every instance");
        }
        if (env.getProperty("jobrunr.dashboard.enabled", Boolean.class, false)) {
            String password = env.getProperty("jobrunr.dashboard.password", "");
            if (env.getProperty("jobrunr.dashboard.username", "").isBlank()
                    || password.length() < Passwords.MIN_LENGTH) {
                throw new IllegalStateException("JOBRUNR_DASHBOARD_ENABLED=true needs JOBRUNR_DASHBOARD_USERNAME and a"
                        + " JOBRUNR_DASHBOARD_PASSWORD of at least " + Passwords.MIN_LENGTH + " characters: the"
                        + " dashboard is JobRunr's own server, outside the app's login");
            }
            if (!env.getProperty("leadgen.security.dashboard-all-interfaces", Boolean.class, false)) {
                throw new IllegalStateException("JobRunr's dashboard listens on every network interface of the machine"
                        + " (port JOBRUNR_DASHBOARD_PORT): set JOBRUNR_DASHBOARD_ALL_INTERFACES=true to confirm, and"
                        + " keep the port closed to others with a firewall");
            }
        }
        String apiKey = env.getProperty("leadgen.security.api-key", "").strip();
        if (!apiKey.isEmpty()
                && (apiKey.length() < MIN_API_KEY || EXAMPLE_KEYS.contains(apiKey.toLowerCase(Locale.ROOT)))) {
            throw new IllegalStateException("API_KEY must be a random string of at least " + MIN_API_KEY
                    + " characters (e.g. openssl rand -base64 32), not an example value");
        }
    }

    static boolean listensOnLoopbackOnly(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
