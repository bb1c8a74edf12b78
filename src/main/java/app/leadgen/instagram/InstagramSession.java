package app.leadgen.instagram;

import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the Instagram session id comes from: the request itself, else the user's server-side
 * session ({@code POST /session}), else {@code IG_SESSIONID}. The value is never shown or logged.
 */
@Component
public class InstagramSession {

    public static final String ATTRIBUTE = "leadgen.igSessionId";
    public static final int MAX_LENGTH = 512;

    private final String configured;

    InstagramSession(@Value("${leadgen.instagram.session-id:}") String configured) {
        this.configured = configured == null ? "" : configured.strip();
    }

    public boolean configuredInEnvironment() {
        return !configured.isEmpty();
    }

    public String resolve(String explicit, HttpSession session) {
        return resolve(explicit, session == null ? name -> null : session::getAttribute);
    }

    /** Same as {@link #resolve(String, HttpSession)} with the session's attributes as a function. */
    public String resolve(String explicit, java.util.function.Function<String, Object> session) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        Object stored = session.apply(ATTRIBUTE);
        if (stored instanceof String s && !s.isBlank()) {
            return s;
        }
        return configured.isEmpty() ? null : configured;
    }

    /** "env", "session" or "none": where a run started now would take the id from. */
    public String source(HttpSession session) {
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof String s && !s.isBlank()) {
            return "session";
        }
        return configured.isEmpty() ? "none" : "env";
    }
}
