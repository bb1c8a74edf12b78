package app.leadgen.accounts;

import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One's own account, for every role: who am I, my password, my personal API keys. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "My account", description = "Own password and personal API keys")
class MeApiController {

    record MeView(String username, Role role) {}

    record PasswordChange(String currentPassword, String newPassword) {}

    record KeyInput(String name) {}

    private final Users users;
    private final ApiKeys keys;
    private final Passwords passwords;
    private final AuditLog audit;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    MeApiController(Users users, ApiKeys keys, Passwords passwords, AuditLog audit) {
        this.users = users;
        this.keys = keys;
        this.passwords = passwords;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The caller's name and role")
    MeView me() {
        Caller caller = Me.current();
        return new MeView(caller.username(), caller.role());
    }

    @PutMapping("/password")
    @Operation(summary = "Change one's own password (the current one is asked for); other sessions end")
    ResponseEntity<Void> changePassword(
            @RequestBody PasswordChange change, HttpServletRequest request, HttpServletResponse response) {
        User user = user();
        if (!passwords.matches(change.currentPassword(), user.passwordHash())) {
            throw ApiProblem.badRequest("problem.accounts.password-wrong");
        }
        User changed = users.update(user.id(), null, null, change.newPassword());
        audit.record(AuditLog.PASSWORD_CHANGE, changed.username());
        Caller caller = Me.current();
        if (!caller.viaKey()) {
            // this session goes on under the new password; the others end (SessionRefresh)
            Caller renewed = changed.caller();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    renewed, null, renewed.role().authorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/keys")
    @Operation(summary = "One's personal API keys: name, created, last used (never the key itself)")
    List<ApiKeys.Key> keys() {
        return keys.of(user().id());
    }

    @PostMapping("/keys")
    @Operation(summary = "Create a personal API key; the answer's 'key' is the only time it is shown")
    ResponseEntity<ApiKeys.NewKey> createKey(@RequestBody KeyInput input) {
        ApiKeys.NewKey key = keys.create(user().id(), input.name());
        audit.record(AuditLog.KEY_CREATE, key.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(key);
    }

    @DeleteMapping("/keys/{id}")
    @Operation(summary = "Revoke a personal API key: it stops working at once")
    ResponseEntity<Void> deleteKey(@PathVariable long id) {
        String name = keys.delete(user().id(), id);
        audit.record(AuditLog.KEY_REVOKE, name);
        return ResponseEntity.noContent().build();
    }

    /** The caller's user; API_KEY has none (403). */
    private User user() {
        Caller caller = Me.current();
        if (caller == null || caller.isEnvKey()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "problem.accounts.no-profile");
        }
        return users.byId(caller.userId())
                .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "problem.accounts.no-profile"));
    }
}
