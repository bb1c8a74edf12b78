package app.leadgen.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-address token bucket, with the clock given (no waiting): its limit, its refill, its memory bound. */
class RateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void anAddressGetsItsLimitPerMinuteAndThenWaits() {
        RateLimit limit = new RateLimit(120, 100);
        long t = 0;
        for (int i = 0; i < 120; i++) {
            assertThat(limit.allow("203.0.113.7", t)).as("request " + (i + 1)).isTrue();
        }
        assertThat(limit.allow("203.0.113.7", t)).isFalse();
        assertThat(limit.allow("203.0.113.8", t))
                .as("another address has its own bucket")
                .isTrue();
        // half a minute later half the bucket is back
        t += 30 * SECOND;
        int allowed = 0;
        while (limit.allow("203.0.113.7", t)) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(60);
    }

    @Test
    void aRefusedRequestGets429WithRetryAfterAndNoHandler() {
        RateLimit limit = new RateLimit(2, 100);
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/track/open/x");
        request.setRemoteAddr("198.51.100.9");

        assertThat(limit.preHandle(request, new org.springframework.mock.web.MockHttpServletResponse(), null))
                .isTrue();
        assertThat(limit.preHandle(request, new org.springframework.mock.web.MockHttpServletResponse(), null))
                .isTrue();
        var refused = new org.springframework.mock.web.MockHttpServletResponse();
        assertThat(limit.preHandle(request, refused, null)).isFalse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aFloodOfNewAddressesNeverGrowsPastTheBound() {
        RateLimit limit = new RateLimit(10, 50);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limit.allow("10.0." + (i / 256) + "." + (i % 256), i)).isTrue();
            assertThat(limit.remembered()).isLessThanOrEqualTo(50);
        }
    }

    @Test
    void manyThreadsOfOneAddressTogetherGetTheLimitExactly() throws Exception {
        RateLimit limit = new RateLimit(120, 100);
        var allowed = new java.util.concurrent.atomic.AtomicInteger();
        var start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 100; i++) {
                    if (limit.allow("203.0.113.7", 5 * SECOND)) {
                        allowed.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(allowed.get()).isEqualTo(120);
    }
}
