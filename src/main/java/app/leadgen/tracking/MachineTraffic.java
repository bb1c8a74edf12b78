package app.leadgen.tracking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Tells opens and clicks that no person made (seed research §15, heuristics combined; the raw event
 * is kept either way, only its {@code machine} flag differs):
 *
 * <ul>
 *   <li>{@code HEAD} requests: link scanners check a link without reading it; people's browsers GET.
 *   <li>No User-Agent, or a known scanner's or tool's (Safe Links, Mimecast, Proofpoint, Barracuda,
 *       curl, python-requests, …).
 *   <li>Opens through Gmail's image proxy ({@code GoogleImageProxy}) and Gmail's prefetch at delivery
 *       (its fixed {@code Chrome/42 … Edge/12.246} agent), Apple Mail Privacy Protection (its proxies
 *       send a bare {@code Mozilla/5.0}), or from the networks in {@code tracking/machine-networks.txt}.
 *   <li>Clicks within {@code TRACKING_SCANNER_WINDOW} of sending: scanners fetch links on delivery,
 *       people read first.
 * </ul>
 */
@Component
class MachineTraffic {

    private static final Pattern SCANNER = Pattern.compile(
            "(?i).*(bot\\b|bot/|crawler|spider|preview|scanner|safelinks|safe links|mimecast|proofpoint|barracuda"
                    + "|symantec|messagelabs|trend ?micro|fireeye|forcepoint|sophos|zscaler|urlscan|virustotal"
                    + "|curl/|wget/|python-requests|python-urllib|go-http-client|java-http-client|java/|okhttp|apache-httpclient"
                    + "|libwww|httpclient|headlesschrome|phantomjs|microsoft office protocol discovery"
                    + "|ms-office|facebookexternalhit|slackbot|whatsapp|skypeuripreview).*");
    private static final Pattern GMAIL_PREFETCH = Pattern.compile(".*Chrome/42\\.0\\.2311\\.135.*Edge/12\\.246.*");
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");
    private static final String RESOURCE = "/tracking/machine-networks.txt";

    /** What a User-Agent alone says; the patterns cost more than the rest of a tracking request. */
    private enum Agent {
        SCANNER,
        OPEN_PROXY,
        PERSON
    }

    /** User-Agents repeat (a mail client, a proxy): each is read once, up to this many kept. */
    private final Cache<String, Agent> agents =
            Caffeine.newBuilder().maximumSize(10_000).build();

    /** Addresses repeat as well (a mail provider's image proxy): each is looked up in the networks once. */
    private final Cache<String, Boolean> addresses =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private final Duration scannerWindow;
    private final List<Cidr> networks;

    MachineTraffic(TrackingProperties properties) {
        this.scannerWindow = properties.scannerWindow();
        this.networks = load();
    }

    boolean isMachine(EventType type, String method, String userAgent, String ip, Instant sentAt, Instant now) {
        if ("HEAD".equalsIgnoreCase(method)) {
            return true;
        }
        Agent agent = agents.get(userAgent == null ? "" : userAgent, MachineTraffic::agent);
        if (agent == Agent.SCANNER) {
            return true;
        }
        if (type == EventType.OPEN) {
            return agent == Agent.OPEN_PROXY || (ip != null && addresses.get(ip, this::inNetworks));
        }
        if (type == EventType.CLICK && sentAt != null) {
            return Duration.between(sentAt, now).compareTo(scannerWindow) < 0;
        }
        return false;
    }

    private static Agent agent(String userAgent) {
        String ua = userAgent.strip();
        if (ua.isEmpty() || SCANNER.matcher(ua).matches()) {
            return Agent.SCANNER;
        }
        if (ua.contains("GoogleImageProxy") || GMAIL_PREFETCH.matcher(ua).matches() || ua.equals("Mozilla/5.0")) {
            return Agent.OPEN_PROXY;
        }
        return Agent.PERSON;
    }

    private boolean inNetworks(String ip) {
        if (ip == null || ip.isBlank()) {
            return false;
        }
        byte[] address;
        try {
            // a literal only (digits, dots, colons): never a name lookup
            if (!LITERAL.matcher(ip).matches()) {
                return false;
            }
            address = InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        for (Cidr network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<Cidr> load() {
        List<Cidr> list = new ArrayList<>();
        var in = MachineTraffic.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return list;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String l = line.replaceFirst("#.*", "").strip();
                if (!l.isEmpty()) {
                    list.add(Cidr.parse(l));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(list);
    }

    /** An address block: a network's bytes and its prefix length. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String[] parts = text.split("/");
            try {
                byte[] net = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : net.length * 8;
                return new Cidr(net, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR block: " + text, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
