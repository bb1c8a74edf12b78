package app.leadgen.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user may do. Each role includes the ones below it, so a principal carries its own
 * authority and every lower one: the policy then asks for the least role a route needs.
 */
enum Role {
    /** Reads only. */
    VIEWER,
    /** Runs, imports, leads, drafts, sending, exports, locations. */
    MEMBER,
    /** Everything, including users, credentials, prompts and settings. */
    ADMIN;

    List<GrantedAuthority> authorities() {
        return java.util.Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
