package app.leadgen.websites;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.AppProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class WebsitesPropertiesTest {

    @Test
    void defaultsAreSafe() {
        WebsitesProperties p = AppProperties.bind("leadgen.websites", WebsitesProperties.class, Map.of());
        assertThat(p.allowPrivate()).isFalse();
        assertThat(p.maxPages()).isEqualTo(4);
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.pageTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.maxRedirects()).isEqualTo(5);
        assertThat(p.maxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(p.phoneRegion()).isEqualTo("DE");
        assertThat(p.dnsTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.userAgent()).isNotBlank();
    }

    @Test
    void environmentVariablesOverride() {
        WebsitesProperties p = AppProperties.bind(
                "leadgen.websites",
                WebsitesProperties.class,
                Map.of(
                        "WEBSITE_FETCH_ALLOW_PRIVATE",
                        "true",
                        "WEBSITE_MAX_PAGES",
                        "2",
                        "PHONE_DEFAULT_REGION",
                        "AT",
                        "WEBSITE_MAX_BODY_SIZE",
                        "512KB"));
        assertThat(p.allowPrivate()).isTrue();
        assertThat(p.maxPages()).isEqualTo(2);
        assertThat(p.phoneRegion()).isEqualTo("AT");
        assertThat(p.maxBodySize()).isEqualTo(DataSize.ofKilobytes(512));
    }
}
