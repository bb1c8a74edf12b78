package app.leadgen.support.http;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Hands every vendor adapter its own {@link JsonHttp} (own pool, timeouts and body cap) and closes
 * them all when the application stops.
 */
@Component
public class JsonHttpFactory implements DisposableBean {

    private final Clock clock;
    private final List<JsonHttp> clients = new CopyOnWriteArrayList<>();

    public JsonHttpFactory(Clock clock) {
        this.clock = clock;
    }

    public JsonHttp create(HttpSettings settings, ErrorEnvelope envelope) {
        JsonHttp client = new JsonHttp(settings, envelope, clock);
        clients.add(client);
        return client;
    }

    @Override
    public void destroy() {
        clients.forEach(JsonHttp::close);
        clients.clear();
    }
}
