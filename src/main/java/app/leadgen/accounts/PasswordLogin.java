package app.leadgen.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The login form's check: a locked name is refused before its password is looked at; a wrong
 * password, an unknown name and a deactivated user all get the same answer and count as a failure.
 */
class PasswordLogin implements AuthenticationProvider {

    private final Users users;
    private final Passwords passwords;
    private final LoginFailures failures;

    PasswordLogin(Users users, Passwords passwords, LoginFailures failures) {
        this.users = users;
        this.passwords = passwords;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String name = request.getName();
        String password = request.getCredentials() == null
                ? null
                : request.getCredentials().toString();
        String address = remoteAddress();
        if (failures.lockedUntil(name).isPresent()) {
            failures.refusedWhileLocked(name, address);
            throw new LockedException("locked");
        }
        User user = users.byName(name).orElse(null);
        boolean ok = passwords.matches(password, user == null ? null : user.passwordHash());
        if (!ok || !user.active()) {
            failures.failed(name, address);
            throw new BadCredentialsException("bad credentials");
        }
        failures.succeeded(name);
        users.loggedIn(user.id());
        Caller caller = user.caller();
        return UsernamePasswordAuthenticationToken.authenticated(
                caller, null, caller.role().authorities());
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "?";
    }
}
