package app.leadgen.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The logged-in caller as every page sees it ({@code ${me}}): the layout shows the name, a logout
 * button and only the links the role may follow; templates hide what the role cannot do.
 */
@ControllerAdvice
class Me {

    /** What a page knows about its reader. */
    record Reader(String username, String role, boolean member, boolean admin, boolean personal) {}

    @ModelAttribute("me")
    Reader me() {
        Caller caller = current();
        if (caller == null) {
            return null;
        }
        return new Reader(
                caller.username(),
                caller.role().name(),
                caller.role().includes(Role.MEMBER),
                caller.role().includes(Role.ADMIN),
                !caller.isEnvKey());
    }

    /** The caller of the current request, or null. */
    static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller caller ? caller : null;
    }
}
