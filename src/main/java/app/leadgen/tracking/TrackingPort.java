package app.leadgen.tracking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops the tracking port ({@code TRACKING_PORT}) with the app, on the app's address
 * ({@code SERVER_ADDRESS}). Unset: the tracking links are served on the app's port only. Set, a
 * reverse proxy sends {@code /track/} there (README, "Production"); the app's port keeps answering
 * them as well, so mails already sent and a proxy not yet changed keep working. Stopped together with
 * the web server, before the event writer writes out its queue.
 */
class TrackingPort implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingPort.class);

    private final TrackingLinks links;
    private final String host;
    private final Integer port;
    private final boolean trustProxies;
    private volatile TrackingListener listener;

    TrackingPort(TrackingLinks links, String host, Integer port, boolean trustProxies) {
        this.links = links;
        this.host = host;
        this.port = port;
        this.trustProxies = trustProxies;
    }

    @Override
    public void start() {
        if (port == null) {
            return;
        }
        listener = TrackingListener.start(host, port, links, new ForwardedAddress(trustProxies));
        LOG.info("Tracking links also on {}:{}", host, listener.port());
    }

    @Override
    public void stop() {
        TrackingListener running = listener;
        listener = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    /** With the web server (its graceful shutdown runs in this phase too). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /** The port listened on (the one chosen when {@code TRACKING_PORT=0}), or -1 when there is none. */
    int port() {
        TrackingListener running = listener;
        return running == null ? -1 : running.port();
    }
}
