package app.leadgen.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP server (a socket speaking just enough RFC 5321) that answers {@code RCPT TO} as the
 * recipient's address says: one containing {@code bounce} gets {@code 550 5.1.1} (unknown user), one
 * containing {@code later} gets {@code 451 4.3.0} (try again); anything else is accepted and its data
 * kept. For the failures GreenMail cannot make.
 */
public final class ScriptedSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public ScriptedSmtp() {
        try {
            server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The data of every accepted message. */
    public List<String> accepted() {
        return accepted;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                session(socket);
            } catch (IOException e) {
                // closed, or a client that went away: wait for the next one
            }
        }
    }

    private void session(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 scripted.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO")) {
                reply(out, "250-scripted.test\r\n250 8BITMIME");
            } else if (command.startsWith("HELO")
                    || command.startsWith("MAIL FROM")
                    || command.startsWith("RSET")
                    || command.startsWith("NOOP")) {
                reply(out, "250 2.0.0 OK");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf(':') + 1).strip();
                if (address.contains("bounce")) {
                    reply(out, "550 5.1.1 " + address + ": Recipient address rejected: User unknown");
                } else if (address.contains("later")) {
                    reply(out, "451 4.3.0 " + address + ": Temporary lookup failure, try again later");
                } else {
                    reply(out, "250 2.1.5 OK");
                }
            } else if (command.startsWith("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                StringBuilder data = new StringBuilder();
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    data.append(line).append("\r\n");
                }
                accepted.add(data.toString());
                reply(out, "250 2.0.0 Ok: queued as SCRIPTED" + accepted.size());
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else {
                reply(out, "502 5.5.2 Command not recognized");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // going away
        }
    }
}
