package app.leadgen.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A vendor that never answers, on a raw socket: it takes every request and waits. It notices the
 * moment the client closes the connection — what an emergency stop must make happen — which a
 * servlet-based fake cannot observe. Any path, any vendor (Perplexity, Apify, Places …).
 */
public final class HangingServer implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();

    public HangingServer() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hanging-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections on which a request arrived. */
    public int connections() {
        return connections.get();
    }

    /** Connections the client closed (or reset) while waiting for the answer. */
    public int closedByClient() {
        return closedByClient.get();
    }

    /** Waits until {@code count} holds at least {@code expected}; false if it did not within {@code limit}. */
    public static boolean await(IntSupplier count, int expected, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (count.getAsInt() < expected) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> hang(socket), "hanging-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void hang(Socket socket) {
        boolean counted = false;
        try (socket) {
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first < 0) {
                return;
            }
            connections.incrementAndGet();
            counted = true;
            // read (and drop) the request and whatever follows until the client hangs up
            while (in.read() >= 0) {
                // discard
            }
            closedByClient.incrementAndGet();
        } catch (IOException reset) {
            if (counted) {
                closedByClient.incrementAndGet();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
