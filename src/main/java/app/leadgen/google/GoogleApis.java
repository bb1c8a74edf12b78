package app.leadgen.google;

import app.leadgen.support.ExternalServiceException;
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
                    "google", 401, "not-configured", "Google OAuth credentials are not configured", false, null);
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
     * a refused refresh token ({@code invalid_grant}), or a network failure.
     */
    public static ExternalServiceException failure(String service, IOException e) {
        if (e instanceof GoogleJsonResponseException g) {
            GoogleJsonError details = g.getDetails();
            String reason = details != null
                            && details.getErrors() != null
                            && !details.getErrors().isEmpty()
                    ? details.getErrors().get(0).getReason()
                    : details != null && details.get("status") != null
                            ? String.valueOf(details.get("status"))
                            : "http-" + g.getStatusCode();
            String message =
                    details != null && details.getMessage() != null ? details.getMessage() : g.getStatusMessage();
            int status = g.getStatusCode();
            boolean retryable =
                    status == 429 || status >= 500 || reason.toLowerCase().contains("ratelimit");
            // Google sends Retry-After with some 429/503 answers; callers wait at least that long
            Duration retryAfter = RetryAfter.parse(g.getHeaders().getRetryAfter(), Clock.systemUTC());
            return new ExternalServiceException(service, status, reason, message, retryable, retryAfter);
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("invalid_grant")) {
            return new ExternalServiceException(
                    service, 400, "invalid_grant", "Google refused the refresh token (invalid_grant)", false, null);
        }
        if (text.contains("invalid_client") || text.contains("unauthorized_client")) {
            return new ExternalServiceException(
                    service, 401, "invalid_client", "Google refused the OAuth client id or secret", false, null);
        }
        if (e instanceof SocketTimeoutException) {
            return new ExternalServiceException(service, 0, "timeout", service + " did not answer in time", true, null);
        }
        return new ExternalServiceException(
                service,
                0,
                "io",
                service + " could not be reached: " + e.getClass().getSimpleName(),
                true,
                null);
    }

    @Override
    public List<MissingSetting> missingSettings() {
        return configured() ? List.of() : List.of(new MissingSetting("GMAIL_REFRESH_TOKEN", "settings.missing.google"));
    }

    private static String root(String baseUrl) {
        return baseUrl.replaceAll("/+$", "") + "/";
    }
}
