package app.leadgen.campaigns;

import app.leadgen.testing.BrowserTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The campaign pages' browser tests: one app for all of them (same properties, so Spring caches one
 * context), a real SMTP and IMAP server (GreenMail), the tests' clock and the send loop called by the tests.
 */
@Import(CampaignTestBase.Clocks.class)
abstract class CampaignBrowserBase extends BrowserTest {

    static final GreenMail SMTP = start();

    @DynamicPropertySource
    static void campaigns(DynamicPropertyRegistry registry) {
        registry.add("leadgen.campaigns.loop", () -> "false");
        registry.add("leadgen.tracking.app-url", () -> "https://leads.agentur.test");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SendLoop loop;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** SMTP for sending and IMAP for a mailbox's inbox, each on a free port. */
    private static GreenMail start() {
        ServerSetup smtp = new ServerSetup(free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(free(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail server = new GreenMail(new ServerSetup[] {smtp, imap});
        server.start();
        return server;
    }

    private static int free() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
