package app.leadgen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

/** At most a few exports at once per caller; the others get 429 with Retry-After. */
class RequestLimitsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aThirdExportOfTheSameCallerWaitsItsTurn() throws Exception {
        RequestLimits limits = new RequestLimits(
                new SecurityProperties(null, null, null, null, 2, DataSize.ofMegabytes(1)),
                new Problems(
                        new StaticMessageSource(),
                        new org.springframework.beans.factory.support.StaticListableBeanFactory()
                                .getBeanProvider(org.springframework.web.servlet.LocaleResolver.class)));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(2);
        Future<?> first = threads.submit(() -> export(limits, "anna", inside, release));
        Future<?> second = threads.submit(() -> export(limits, "anna", inside, release));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse third = export(limits, "anna", new CountDownLatch(1), new CountDownLatch(0));
        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("10");
        assertThat(third.getContentType()).startsWith("application/problem+json");
        assertThat(export(limits, "bert", new CountDownLatch(1), new CountDownLatch(0))
                        .getStatus())
                .as("another caller")
                .isEqualTo(200);
        assertThat(export(limits, "anna", new CountDownLatch(1), new CountDownLatch(0), "/api/leads")
                        .getStatus())
                .as("not an export")
                .isEqualTo(200);

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(export(limits, "anna", new CountDownLatch(1), new CountDownLatch(0))
                        .getStatus())
                .isEqualTo(200);
    }

    private static MockHttpServletResponse export(
            RequestLimits limits, String user, CountDownLatch inside, CountDownLatch release) {
        return export(limits, user, inside, release, "/export");
    }

    private static MockHttpServletResponse export(
            RequestLimits limits, String user, CountDownLatch inside, CountDownLatch release, String path) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, java.util.List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            limits.doFilter(request, response, (req, res) -> {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return response;
    }
}
