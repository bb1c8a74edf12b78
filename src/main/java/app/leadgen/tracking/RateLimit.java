package app.leadgen.tracking;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Per IP address at most {@code TRACKING_RATE_LIMIT} requests a minute to the public links (a token
 * bucket that refills evenly, full after a minute of quiet); more gets 429 with {@code Retry-After}.
 * The table of addresses is bounded: when it is full, idle (full) buckets are dropped, and if that is
 * not enough the table starts over — a flood of new addresses costs memory up to the bound, never more.
 */
class RateLimit implements HandlerInterceptor {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final int maxAddresses;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(int perMinute, int maxAddresses) {
        this.perMinute = perMinute;
        this.maxAddresses = maxAddresses;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (allow(request.getRemoteAddr(), System.nanoTime())) {
            return true;
        }
        refuse(response);
        return false;
    }

    /** 429 with the wait for the next token. */
    void refuse(HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** Seconds until the next request of a refused address would be let in. */
    int retryAfterSeconds() {
        return Math.max(1, 60 / Math.max(1, perMinute));
    }

    boolean allow(String address, long now) {
        String key = address == null ? "" : address;
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxAddresses) {
                buckets.values().removeIf(b -> b.idle(now));
                if (buckets.size() >= maxAddresses) {
                    buckets.clear();
                }
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(now));
        }
        return bucket.take(now);
    }

    int remembered() {
        return buckets.size();
    }

    /**
     * A token bucket as the generic cell rate algorithm: one number, the time at which the bucket
     * would be full again, moved forward by one interval per request with a compare-and-set. No lock:
     * many requests from one address (a mail gateway, a benchmark) do not queue behind each other.
     */
    private final class Bucket {
        private final long interval = MINUTE_NANOS / Math.max(1, perMinute);
        private final AtomicLong fullAt;

        Bucket(long now) {
            this.fullAt = new AtomicLong(now);
        }

        boolean take(long now) {
            while (true) {
                long full = fullAt.get();
                long next = Math.max(full, now) + interval;
                if (next - now > MINUTE_NANOS) {
                    return false;
                }
                if (fullAt.compareAndSet(full, next)) {
                    return true;
                }
            }
        }

        boolean idle(long now) {
            return fullAt.get() <= now;
        }
    }
}
