package app.leadgen.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;

/**
 * Who sends a request: a user logged in with a session, a user's personal key, or {@code API_KEY}
 * (no user behind it, acts as an admin). Kept in the session, so it holds no secret.
 *
 * @param userId null for {@code API_KEY}
 * @param stamp the user's password stamp at login: a session whose stamp is outdated ends
 * @param keyName the personal key's name when the request came with one
 */
record Caller(Long userId, String username, Role role, String stamp, String keyName)
        implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The name {@code API_KEY} stands under in the audit log. */
    static final String ENV_KEY_NAME = "API_KEY";

    static Caller envKey() {
        return new Caller(null, ENV_KEY_NAME, Role.ADMIN, null, null);
    }

    boolean isEnvKey() {
        return userId == null;
    }

    boolean viaKey() {
        return userId == null || keyName != null;
    }

    Caller withRole(Role newRole) {
        return new Caller(userId, username, newRole, stamp, keyName);
    }

    @Override
    public String getName() {
        return username;
    }

    /** How the audit log names this caller: the user, and the key when one was used. */
    String actor() {
        return keyName == null ? username : username + " (key: " + keyName + ")";
    }
}
