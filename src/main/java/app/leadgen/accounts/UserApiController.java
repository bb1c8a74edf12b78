package app.leadgen.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users, for admins (AccessPolicy): create, change role, deactivate, reset a password. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Accounts and roles (admins only)")
class UserApiController {

    record UserInput(String username, String password, String role, Boolean active) {}

    private final Users users;
    private final AuditLog audit;

    UserApiController(Users users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Every user, by name")
    List<User.View> list() {
        return users.all().stream().map(User::view).toList();
    }

    @PostMapping
    @Operation(summary = "Create a user: username, password (at least 12 characters), role ADMIN, MEMBER or VIEWER")
    ResponseEntity<User.View> create(@RequestBody UserInput input) {
        User user = users.create(input.username(), input.password(), input.role());
        audit.record(AuditLog.USER_CREATE, user.username() + " (" + user.role() + ")");
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/users/" + user.id())
                .body(user.view());
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change role, active or password (fields left out stay); a new password ends the user's sessions")
    User.View update(@PathVariable long id, @RequestBody UserInput input) {
        User before = users.byId(id).orElse(null);
        User after = users.update(id, input.role(), input.active(), input.password());
        List<String> changes = new ArrayList<>();
        if (before != null && before.role() != after.role()) {
            changes.add("role " + before.role() + " -> " + after.role());
        }
        if (before != null && before.active() != after.active()) {
            changes.add(after.active() ? "activated" : "deactivated");
        }
        if (input.password() != null) {
            changes.add("password reset");
        }
        audit.record(
                AuditLog.USER_CHANGE, after.username() + (changes.isEmpty() ? "" : ": " + String.join(", ", changes)));
        return after.view();
    }
}
