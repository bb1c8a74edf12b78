package app.leadgen.tracking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One mail on its way: its token and the links built from it. {@code links} are the http(s) links
 * the mail carries; only these may be wrapped ({@link #clickUrl}), since a click redirects to nothing else.
 *
 * @param id the row in {@code tracked_mails}
 * @param baseUrl {@code APP_URL} (or the sending request's own address), without a trailing slash
 */
public record TrackedMail(long id, String token, String baseUrl, Set<String> links) {

    /** The 1×1 GIF that tells an open. */
    public String openUrl() {
        return baseUrl + "/track/open/" + token;
    }

    /** A link of the mail, wrapped so a click is recorded before the redirect to it. */
    public String clickUrl(String url) {
        return baseUrl + "/track/click/" + token + "?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    /** The confirmation page ({@code GET}) and the one-click unsubscribe of RFC 8058 ({@code POST}). */
    public String unsubscribeUrl() {
        return baseUrl + "/u/" + token;
    }
}
