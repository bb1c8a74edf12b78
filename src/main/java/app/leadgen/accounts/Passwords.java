package app.leadgen.accounts;

import app.leadgen.support.ApiProblem;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password rules and hashing: Spring Security's delegating encoder (bcrypt today, prefixed with
 * {@code {bcrypt}}, so a later default can take over hash by hash), at least 12 characters.
 */
@Component
class Passwords {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be cut without anyone noticing. */
    static final int MAX_BYTES = 72;

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /**
     * Compared against when a name does not exist, so the answer takes as long as for a real user;
     * made at the first login, not at start-up (a bcrypt hash costs about 0.1 s).
     */
    private volatile String dummyHash;

    /** 400 problem unless the password follows the rules. */
    static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ApiProblem.badRequest("problem.accounts.password-short", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiProblem.badRequest("problem.accounts.password-long", MAX_BYTES);
        }
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = encoder.encode("not-a-password-of-anyone");
        }
        return dummyHash;
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            encoder.matches("x", dummyHash());
            return false;
        }
        return encoder.matches(password, hash == null ? dummyHash() : hash) && hash != null;
    }
}
