package app.leadgen.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first admin: with no user in the database it is created from {@code ADMIN_USERNAME} and
 * {@code ADMIN_PASSWORD} when both are set; otherwise the setup page (loopback only) creates it.
 * Once a user exists that is remembered, so the check costs nothing afterwards.
 */
@Component
class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Users users;
    private final SecurityProperties properties;
    private volatile boolean exists;

    FirstAdmin(Users users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        exists();
    }

    /** Whether any user exists, after creating the admin from the environment if it can. */
    boolean exists() {
        if (exists) {
            return true;
        }
        synchronized (this) {
            if (!exists && !users.any()) {
                createFromEnvironment();
            }
            exists = exists || users.any();
            return exists;
        }
    }

    /** The setup page's admin; null when a user exists by now. */
    synchronized User create(String username, String password) {
        if (exists()) {
            return null;
        }
        User admin = users.create(username, password, Role.ADMIN.name());
        exists = true;
        log.info("first admin '{}' created on the setup page", admin.username());
        return admin;
    }

    private void createFromEnvironment() {
        String name = properties.adminUsername();
        String password = properties.adminPassword();
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            return;
        }
        try {
            users.create(name, password, Role.ADMIN.name());
            log.info("first admin '{}' created from ADMIN_USERNAME and ADMIN_PASSWORD", Users.normalize(name));
        } catch (app.leadgen.support.ApiProblem e) {
            if (e.getStatusCode().value() == 409) {
                return; // another instance created it at the same moment
            }
            // never the password itself: only what is wrong with it
            throw new IllegalStateException("ADMIN_USERNAME/ADMIN_PASSWORD cannot make the first admin: "
                    + (e.getDetailMessageCode() == null ? e.getMessage() : e.getDetailMessageCode())
                    + " (a name of 2-50 letters, digits or ._@- and a password of at least "
                    + Passwords.MIN_LENGTH + " characters)");
        }
    }
}
