package app.leadgen.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which opens and clicks are machines': proxies, prefetchers, scanners, HEAD, clicks right after sending. */
class MachineTrafficTest {

    private static final String PERSON =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
    private static final Instant SENT = Instant.parse("2026-12-07T10:00:00Z");

    private final MachineTraffic machines =
            new MachineTraffic(new TrackingProperties(null, null, Duration.ofSeconds(10), 120, 100, null));

    @Test
    void opensThroughMailProxiesAndPrefetchersAreMachines() {
        Instant later = SENT.plus(Duration.ofHours(2));
        assertThat(open("GET", PERSON, "198.51.100.4", later)).isFalse();
        assertThat(open(
                        "GET",
                        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
                        "198.51.100.4",
                        later))
                .isTrue();
        assertThat(open("GET", "Mozilla/5.0", "198.51.100.4", later))
                .as("Apple MPP's bare agent")
                .isTrue();
        assertThat(open("GET", PERSON, "17.58.0.12", later))
                .as("Apple's network")
                .isTrue();
        assertThat(open("GET", PERSON, "66.249.84.2", later))
                .as("Google's image proxy")
                .isTrue();
        assertThat(open(
                        "GET",
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                                + " Chrome/42.0.2311.135 Safari/537.36 Edge/12.246",
                        "198.51.100.4",
                        later))
                .as("Gmail's prefetch")
                .isTrue();
        assertThat(open("HEAD", PERSON, "198.51.100.4", later)).isTrue();
        assertThat(open("GET", null, "198.51.100.4", later)).isTrue();
        assertThat(open("GET", PERSON, "2001:db8::1", later)).isFalse();
    }

    @Test
    void clicksOfScannersAndClicksRightAfterSendingAreMachines() {
        Instant minuteLater = SENT.plus(Duration.ofMinutes(1));
        assertThat(click("GET", PERSON, minuteLater)).isFalse();
        assertThat(click("GET", PERSON, SENT.plus(Duration.ofSeconds(3))))
                .as("within the scanner window")
                .isTrue();
        assertThat(click("HEAD", PERSON, minuteLater)).isTrue();
        assertThat(click("GET", "Mozilla/5.0 (compatible; Barracuda Sentinel)", minuteLater))
                .isTrue();
        assertThat(click("GET", "python-requests/2.31.0", minuteLater)).isTrue();
        assertThat(click("GET", "Microsoft Office Protocol Discovery", minuteLater))
                .isTrue();
        assertThat(click("GET", "Mozilla/5.0", minuteLater))
                .as("a bare agent is only an open signal")
                .isFalse();
    }

    private boolean open(String method, String ua, String ip, Instant at) {
        return machines.isMachine(EventType.OPEN, method, ua, ip, SENT, at);
    }

    private boolean click(String method, String ua, Instant at) {
        return machines.isMachine(EventType.CLICK, method, ua, "198.51.100.4", SENT, at);
    }
}
