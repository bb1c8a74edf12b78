package app.leadgen.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Apify fake on a raw socket: the search actor answers at once, the profile actor never answers.
 * It notices when the client closes a profile connection — what an emergency stop must do — which
 * a servlet-based fake cannot observe.
 */
public final class HangingApify implements AutoCloseable {

    private final ServerSocket server;
    private final String searchBody;
    private final AtomicInteger profileCallsOpen = new AtomicInteger();
    private final AtomicInteger profileCallsClosedByClient = new AtomicInteger();

    public HangingApify(String searchBody) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.searchBody = searchBody;
        Thread acceptor = new Thread(this::accept, "hanging-apify");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int profileCallsOpen() {
        return profileCallsOpen.get();
    }

    public int profileCallsClosedByClient() {
        return profileCallsClosedByClient.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "hanging-apify-conn");
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
            String head = readHead(in);
            int length = contentLength(head);
            in.readNBytes(length);
            if (head.startsWith("POST /v2/acts/" + Fakes.SEARCH_ACTOR)) {
                byte[] body = searchBody.getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return;
            }
            profileCallsOpen.incrementAndGet();
            // never answer; wait for the client to give up
            while (in.read() >= 0) {
                // discard
            }
            profileCallsClosedByClient.incrementAndGet();
        } catch (IOException reset) {
            profileCallsClosedByClient.incrementAndGet();
        }
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
