package app.leadgen.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Google Places Text Search fake on a raw socket: a query registered with {@link #answer} gets its
 * page at once, every other query never gets an answer. Like {@link HangingApify}, it notices when
 * the client closes a connection it left hanging — what an emergency stop must do — which a
 * servlet-based fake cannot observe.
 */
public final class HangingPlaces implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final AtomicInteger hanging = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();

    public HangingPlaces() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hanging-places");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The query (e.g. {@code bakery in Musterstadt}, ASCII) gets these places as one last page. */
    public HangingPlaces answer(String textQuery, List<Map<String, Object>> places) {
        answers.put(textQuery, PlacesBodies.page(places, null));
        return this;
    }

    /** Requests left without an answer so far. */
    public int hanging() {
        return hanging.get();
    }

    /** Hanging requests whose connection the client closed. */
    public int closedByClient() {
        return closedByClient.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "hanging-places-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            while (true) { // keep-alive: the client may send its next search on the same connection
                String head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String body = new String(in.readNBytes(contentLength(head)), StandardCharsets.UTF_8);
                String answer = answers.entrySet().stream()
                        .filter(e -> body.contains("\"textQuery\":\"" + e.getKey() + "\""))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
                if (answer == null) {
                    hang(in);
                    return;
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: "
                                + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away between requests
        }
    }

    private void hang(InputStream in) {
        hanging.incrementAndGet();
        try {
            while (in.read() >= 0) {
                // never answer; wait for the client to give up
            }
        } catch (IOException reset) {
            // closed by the client as well
        }
        closedByClient.incrementAndGet();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
