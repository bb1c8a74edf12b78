package app.leadgen.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole app (real HTTP port, JobRunr, database) against the fakes.
 * All subclasses share one cached Spring context, unless they add properties of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import({LocalWebsites.class, RunFinishedRecorder.class, HeldJob.class})
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        registry.add("leadgen.apify.base-url", Fakes::apifyUrl);
        registry.add("leadgen.perplexity.base-url", Fakes::perplexityUrl);
        registry.add("leadgen.google.token-url", () -> Fakes.googleUrl() + "/token");
        registry.add("leadgen.google.gmail-base-url", Fakes::googleUrl);
        registry.add("leadgen.google.sheets-base-url", Fakes::googleUrl);
        registry.add("leadgen.openai.base-url", () -> Fakes.openAiUrl() + "/v1");
        registry.add("leadgen.places.base-url", Fakes::placesUrl);
    }

    @BeforeEach
    void resetFakes() {
        Fakes.reset();
    }
}
