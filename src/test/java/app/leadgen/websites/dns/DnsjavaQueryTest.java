package app.leadgen.websites.dns;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.websites.EmailDomainCheck.Answer;
import app.leadgen.websites.EmailDomainCheck.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * dnsjava's result codes mapped to answers, against a name server on 127.0.0.1 that answers like a
 * real one (NXDOMAIN and NODATA with the zone's SOA), or not at all. No query leaves the machine.
 */
class DnsjavaQueryTest {

    private final DatagramSocket socket = socket();
    private final Thread server = new Thread(this::serve, "fake-dns");
    private final DnsjavaQuery query;

    DnsjavaQueryTest() throws IOException {
        server.setDaemon(true);
        server.start();
        SimpleResolver resolver =
                new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()));
        resolver.setTimeout(Duration.ofMillis(300));
        query = new DnsjavaQuery(resolver);
    }

    @AfterEach
    void stop() {
        socket.close();
    }

    @Test
    void mxFound() {
        assertThat(query.query("firma.de", RecordType.MX)).isEqualTo(Answer.FOUND);
    }

    @Test
    void nullMx() {
        assertThat(query.query("nomail.de", RecordType.MX)).isEqualTo(Answer.NULL_MX);
    }

    @Test
    void nxdomain() {
        assertThat(query.query("gibt-es-nicht.de", RecordType.MX)).isEqualTo(Answer.NO_SUCH_DOMAIN);
    }

    @Test
    void nodataAndAddressFallback() {
        assertThat(query.query("nur-a.de", RecordType.MX)).isEqualTo(Answer.NO_RECORDS);
        assertThat(query.query("nur-a.de", RecordType.A)).isEqualTo(Answer.FOUND);
    }

    @Test
    void serverFailure() {
        assertThat(query.query("servfail.de", RecordType.MX)).isEqualTo(Answer.FAILED);
    }

    @Test
    void noAnswerTimesOut() {
        long start = System.nanoTime();
        assertThat(query.query("stumm.de", RecordType.MX)).isEqualTo(Answer.FAILED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] reply = answer(new Message(Arrays.copyOf(packet.getData(), packet.getLength())));
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static byte[] answer(Message query) throws IOException {
        Record question = query.getQuestion();
        Name name = question.getName();
        String domain = name.toString(true);
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.RA);
        reply.addRecord(question, Section.QUESTION);
        Name zone = Name.fromString(domain + ".");
        SOARecord soa = new SOARecord(
                zone,
                DClass.IN,
                60,
                Name.fromString("ns." + domain + "."),
                Name.fromString("hostmaster." + domain + "."),
                1,
                60,
                60,
                60,
                60);
        switch (domain) {
            case "stumm.de" -> {
                return null;
            }
            case "servfail.de" -> reply.getHeader().setRcode(Rcode.SERVFAIL);
            case "gibt-es-nicht.de" -> {
                reply.getHeader().setRcode(Rcode.NXDOMAIN);
                reply.addRecord(soa, Section.AUTHORITY);
            }
            case "firma.de" -> reply.addRecord(
                    new MXRecord(name, DClass.IN, 60, 10, Name.fromString("mx.firma.de.")), Section.ANSWER);
            case "nomail.de" -> reply.addRecord(new MXRecord(name, DClass.IN, 60, 0, Name.root), Section.ANSWER);
            case "nur-a.de" -> {
                if (question.getType() == Type.A) {
                    reply.addRecord(
                            new ARecord(name, DClass.IN, 60, InetAddress.getByName("203.0.113.7")), Section.ANSWER);
                } else {
                    reply.addRecord(soa, Section.AUTHORITY);
                }
            }
            default -> reply.getHeader().setRcode(Rcode.REFUSED);
        }
        return reply.toWire();
    }

    private static DatagramSocket socket() {
        try {
            return new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
