package app.leadgen.testing;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests in flight at a fake server, per path prefix, from the moment a request arrives
 * until its response is written: the concurrency limit as the remote service would see it.
 */
public final class ConcurrencyMeter implements ServeEventListener {

    private final Map<String, AtomicInteger> current = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> max = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return "concurrency-meter";
    }

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
        String key = key(event);
        int now = current.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        max.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        current.computeIfAbsent(key(event), k -> new AtomicInteger()).decrementAndGet();
    }

    /** The most requests that were in flight at once on paths containing {@code pathPart}. */
    public int maxInFlight(String pathPart) {
        return max.entrySet().stream()
                .filter(e -> e.getKey().contains(pathPart))
                .mapToInt(e -> e.getValue().get())
                .max()
                .orElse(0);
    }

    public void reset() {
        max.clear();
    }

    private static String key(ServeEvent event) {
        String url = event.getRequest().getUrl();
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
