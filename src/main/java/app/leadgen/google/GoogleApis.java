package app.leadgen.google;

import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.MissingSetting;
import app.leadgen.support.RetryAfter;
import app.leadgen.support.SettingsCheck;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.sheets.v4.Sheets;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.UserCredentials;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The Gmail and Sheets clients, sharing one set of OAuth credentials. google-auth caches the access
 * token and refreshes it shortly before it expires (and once more on a 401).
 */
@Component
public class GoogleApis implements SettingsCheck {

    private static final String APP = "LeadGen";

    private final GoogleProperties properties;
    private final HttpTransport transport = new NetHttpTransport();
    private final JsonFactory json = GsonFactory.getDefaultInstance();
    private final UserCredentials credentials;

    GoogleApis(GoogleProperties properties) {
        this.properties = properties;
        this.credentials = properties.configured()
                ? UserCredentials.newBuilder()
                        .setClientId(properties.clientId())
                        .setClientSecret(properties.clientSecret())
                        .setRefreshToken(properties.refreshToken())
                        .setTokenServerUri(URI.create(properties.tokenUrl()))
                        .setHttpTransportFactory(() -> transport)
                        .build()
                : null;
    }

    public boolean configured() {
        return credentials != null;
    }

    public GoogleProperties properties() {
        return properties;
    }

    public Gmail gmail() {
        return new Gmail.Builder(transport, json, initializer())
                .setRootUrl(root(properties.gmailBaseUrl()))
                .setApplicationName(APP)
                .build();
    }

    public Sheets sheets() {
        return new Sheets.Builder(transport, json, initializer())
                .setRootUrl(root(properties.sheetsBaseUrl()))
                .setApplicationName(APP)
                .build();
    }

    private HttpRequestInitializer initializer() {
        if (credentials == null) {
            throw new ExternalServiceException(
                    "google",
                    FailureKind.NOT_CONFIGURED,
                    401,
                    "not-configured",
                    "Google OAuth credentials are not configured",
                    false,
                    null);
        }
        HttpCredentialsAdapter auth = new HttpCredentialsAdapter(credentials);
        int millis = (int) properties.timeout().toMillis();
        return request -> {
            auth.initialize(request);
            request.setConnectTimeout(millis);
            request.setReadTimeout(millis);
        };
    }

    /**
     * Maps a failed call of one of the clients. A 401 that survived the client's own refresh most
     * likely means the refresh token itself is dead; one more refresh tells us why, so the user reads
     * "invalid_grant, renew the token" rather than a bare 401.
     */
    public ExternalServiceException failureOf(String service, IOException e) {
        if (e instanceof GoogleJsonResponseException g && g.getStatusCode() == 401 && credentials != null) {
            try {
                credentials.refresh();
            } catch (IOException refreshFailed) {
                return failure(service, refreshFailed);
            }
        }
        return failure(service, e);
    }

    /**
     * Maps a failed Google call: the API's JSON error (reason such as {@code userRateLimitExceeded}),
     * a refused refresh token ({@code invalid_grant}) or client, or a network failure.
     */
    public static ExternalServiceException failure(String service, IOException e) {
        if (e instanceof GoogleJsonResponseException g) {
            return answered(service, g);
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("invalid_grant")) {
            return new ExternalServiceException(
                    service,
                    FailureKind.CREDENTIALS,
                    400,
                    "invalid_grant",
                    "Google refused the refresh token (invalid_grant)",
                    false,
                    null);
        }
        if (text.contains("invalid_client") || text.contains("unauthorized_client")) {
            return new ExternalServiceException(
                    service,
                    FailureKind.CREDENTIALS,
                    401,
                    "invalid_client",
                    "Google refused the OAuth client id or secret",
                    false,
                    null);
        }
        if (e instanceof SocketTimeoutException) {
            return new ExternalServiceException(
                    service, FailureKind.TIMEOUT, 0, "timeout", service + " did not answer in time", true, null);
        }
        return new ExternalServiceException(
                service,
                FailureKind.UNAVAILABLE,
                0,
                "io",
                service + " could not be reached: " + e.getClass().getSimpleName(),
                true,
                null);
    }

    private static ExternalServiceException answered(String service, GoogleJsonResponseException g) {
        GoogleJsonError details = g.getDetails();
        String reason = details != null
                        && details.getErrors() != null
                        && !details.getErrors().isEmpty()
                ? details.getErrors().get(0).getReason()
                : details != null && details.get("status") != null
                        ? String.valueOf(details.get("status"))
                        : "http-" + g.getStatusCode();
        String message = details != null && details.getMessage() != null ? details.getMessage() : g.getStatusMessage();
        int status = g.getStatusCode();
        String lower = String.valueOf(reason).toLowerCase(Locale.ROOT);
        boolean rateLimit = status == 429 || lower.contains("ratelimit") || lower.equals("resource_exhausted");
        FailureKind kind = rateLimit
                ? FailureKind.RATE_LIMITED
                // dailyLimitExceeded, quotaExceeded, sendingLimitExceeded: used up until the quota resets
                : lower.contains("quota") || lower.contains("limitexceeded")
                        ? FailureKind.QUOTA
                        : FailureKind.ofStatus(status);
        boolean retryable = rateLimit || status >= 500;
        // Google sends Retry-After with some 429/503 answers; callers wait at least that long
        Duration retryAfter = RetryAfter.parse(g.getHeaders().getRetryAfter(), Clock.systemUTC());
        return new ExternalServiceException(service, kind, status, reason, message, retryable, retryAfter);
    }

    @Override
    public List<MissingSetting> missingSettings() {
        return configured() ? List.of() : List.of(new MissingSetting("GMAIL_REFRESH_TOKEN", "settings.missing.google"));
    }

    private static String root(String baseUrl) {
        return baseUrl.replaceAll("/+$", "") + "/";
    }
}
