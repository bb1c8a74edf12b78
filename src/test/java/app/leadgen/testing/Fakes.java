package app.leadgen.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The external services as real HTTP servers on loopback, started once per test JVM so that every
 * Spring test context sees the same base URLs (and Spring can cache one context).
 */
public final class Fakes {

    public static final String SEARCH_ACTOR = "DrF9mzPPEuVizVF4l";
    public static final String PROFILE_ACTOR = "8WEn9FvZnhE7lM3oA";
    public static final String SEARCH_PATH = "/v2/acts/" + SEARCH_ACTOR + "/run-sync-get-dataset-items";
    public static final String PROFILE_PATH = "/v2/acts/" + PROFILE_ACTOR + "/run-sync-get-dataset-items";
    public static final String APIFY_TOKEN = "test-apify-token";

    public static final ConcurrencyMeter APIFY_METER = new ConcurrencyMeter();
    public static final ConcurrencyMeter PERPLEXITY_METER = new ConcurrencyMeter();
    public static final InstagramFake INSTAGRAM = new InstagramFake();
    public static final PerplexityFake PERPLEXITY = new PerplexityFake();

    public static final WireMockServer APIFY = start(new WireMockServer(options()
            .dynamicPort()
            .bindAddress("127.0.0.1")
            .containerThreads(64)
            .extensions(APIFY_METER, INSTAGRAM)));
    /** Google's token endpoint, Gmail and Sheets share one fake server (their base URLs are separate settings). */
    public static final WireMockServer GOOGLE = start(
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(32)));

    /** An OpenAI-compatible chat completions server (drafting). */
    public static final WireMockServer OPENAI = start(
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(16)));

    public static final String GOOGLE_ACCESS_TOKEN = "ya29.test-access-token";

    public static final WireMockServer PERPLEXITY_SERVER = start(new WireMockServer(options()
            .dynamicPort()
            .bindAddress("127.0.0.1")
            .containerThreads(64)
            .extensions(PERPLEXITY_METER, PERPLEXITY)));

    /** Google Places API (New): stubs per test, see {@link PlacesBodies}. */
    public static final WireMockServer PLACES = start(
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(16)));

    public static final String PLACES_KEY = "test-places-key";

    /**
     * Prospect websites for the whole app in tests: every name registered here resolves to this
     * local server, every other name does not exist (see {@link LocalWebsites}); no test resolves a
     * real host. Use host names unique to the test.
     */
    public static final LocalWeb WEB = LocalWeb.start();

    /** E-mail domains whose (fake) DNS has MX records; every other domain does not exist. */
    public static final java.util.Set<String> MAIL_DOMAINS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Fakes() {}

    public static String placesUrl() {
        return PLACES.baseUrl();
    }

    private static WireMockServer start(WireMockServer server) {
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static String apifyUrl() {
        return APIFY.baseUrl();
    }

    public static String openAiUrl() {
        return OPENAI.baseUrl();
    }

    public static String googleUrl() {
        return GOOGLE.baseUrl();
    }

    public static String perplexityUrl() {
        return PERPLEXITY_SERVER.baseUrl();
    }

    /** Clears stubs and recorded state and installs the default behaviour: profiles and chat answers per request. */
    public static void reset() {
        APIFY.resetAll();
        GOOGLE.resetAll();
        OPENAI.resetAll();
        googleTokenIssued();
        PERPLEXITY_SERVER.resetAll();
        PLACES.resetAll();
        APIFY_METER.reset();
        PERPLEXITY_METER.reset();
        INSTAGRAM.reset();
        PERPLEXITY.reset();
        profileLatency(0);
        chatLatency(0);
    }

    public static void profileLatency(int millis) {
        APIFY.stubFor(post(urlPathEqualTo(PROFILE_PATH))
                .withHeader("Authorization", equalTo("Bearer " + APIFY_TOKEN))
                .willReturn(aResponse().withFixedDelay(millis).withTransformers(INSTAGRAM.getName())));
    }

    public static void chatLatency(int millis) {
        PERPLEXITY_SERVER.stubFor(post(urlPathEqualTo("/chat/completions"))
                .willReturn(aResponse().withFixedDelay(millis).withTransformers(PERPLEXITY.getName())));
    }

    /** The token endpoint exchanges the refresh token for an access token, as Google does. */
    public static void googleTokenIssued() {
        GOOGLE.stubFor(post(urlPathEqualTo("/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=refresh_token"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"access_token\": \"" + GOOGLE_ACCESS_TOKEN + "\", \"expires_in\": 3599,"
                                + " \"scope\": \"https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/spreadsheets\","
                                + " \"token_type\": \"Bearer\"}")));
    }

    /** The token endpoint refuses the refresh token (revoked or expired). */
    public static void googleTokenRevoked() {
        GOOGLE.stubFor(
                post(urlPathEqualTo("/token"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json; charset=utf-8")
                                        .withBody(
                                                "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")));
    }

    /** Google's JSON error envelope (Gmail, Sheets, Drive). */
    public static String googleError(int code, String reason, String message, String status) {
        return "{\"error\": {\"code\": " + code + ", \"message\": \"" + message
                + "\", \"errors\": [{\"domain\": \"usageLimits\"," + " \"reason\": \"" + reason + "\", \"message\": \""
                + message + "\"}], \"status\": \"" + status + "\"}}";
    }

    /** The search actor answers with the given JSON array body (status 201, as Apify does). */
    public static void searchAnswers(String jsonArray) {
        searchAnswers(jsonArray, 0);
    }

    /** As {@link #searchAnswers(String)}, answering after a fixed delay. */
    public static void searchAnswers(String jsonArray, int latencyMillis) {
        APIFY.stubFor(post(urlPathEqualTo(SEARCH_PATH))
                .withHeader("Authorization", equalTo("Bearer " + APIFY_TOKEN))
                .willReturn(aResponse()
                        .withFixedDelay(latencyMillis)
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(jsonArray)));
    }
}
