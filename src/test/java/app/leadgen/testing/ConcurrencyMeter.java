package app.leadgen.testing;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests in flight at a fake server, per path prefix, from the moment a request arrives
 * until its answer is due: the concurrency limit as the remote service would see it.
 *
 * <p>A request counts until the end of its stub's fixed delay, which is known before the answer is
 * written ({@code beforeResponseSent}), not until WireMock says it is complete ({@code
 * afterComplete}): that comes after the answer is on its way, so under load the client could free
 * its lane and send the next call before the first was counted out, and the meter saw one call more
 * than the client ever had in flight.
 */
public final class ConcurrencyMeter implements ServeEventListener {

    /** Per request: when its answer is due (nanoTime), {@code Long.MAX_VALUE} until that is known. */
    private final Map<UUID, AtomicLong> due = new ConcurrentHashMap<>();

    private final Map<UUID, String> keys = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> max = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return "concurrency-meter";
    }

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
        String key = key(event);
        long now = System.nanoTime();
        keys.put(event.getId(), key);
        due.put(event.getId(), new AtomicLong(Long.MAX_VALUE));
        int inFlight = 0;
        for (Map.Entry<UUID, AtomicLong> e : due.entrySet()) {
            if (key.equals(keys.get(e.getKey())) && e.getValue().get() > now) {
                inFlight++;
            }
        }
        max.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(inFlight, Math::max);
    }

    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        Integer delay = event.getResponseDefinition() == null
                ? null
                : event.getResponseDefinition().getFixedDelayMilliseconds();
        AtomicLong end = due.get(event.getId());
        if (end != null) {
            end.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay == null ? 0 : delay));
        }
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        due.remove(event.getId());
        keys.remove(event.getId());
    }

    /** The most requests that were in flight at once on paths containing {@code pathPart}. */
    public int maxInFlight(String pathPart) {
        return max.entrySet().stream()
                .filter(e -> e.getKey().contains(pathPart))
                .mapToInt(e -> e.getValue().get())
                .max()
                .orElse(0);
    }

    /** Forgets the maxima and any request of an earlier test that never completed (a dropped connection). */
    public void reset() {
        max.clear();
        due.clear();
        keys.clear();
    }

    private static String key(ServeEvent event) {
        String url = event.getRequest().getUrl();
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
