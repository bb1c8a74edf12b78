package app.leadgen.accounts;

import app.leadgen.support.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page (the form posts to Spring Security's {@code POST /login}) and the first-admin page
 * {@code /setup}: it answers only from the machine itself and only while no user exists, then logs
 * the new admin in, so a newcomer is asked for a name and password once.
 */
@Controller
class LoginController {

    private final FirstAdmin firstAdmin;
    private final Users users;
    private final AuditLog audit;
    private final MessageSource messages;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LoginController(FirstAdmin firstAdmin, Users users, AuditLog audit, MessageSource messages) {
        this.firstAdmin = firstAdmin;
        this.users = users;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping(PublicPaths.LOGIN)
    String login(HttpServletRequest request, Model model) {
        if (Me.current() != null) {
            return "redirect:/";
        }
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("locked", request.getParameter("locked") != null);
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        return "accounts/login";
    }

    @GetMapping(PublicPaths.SETUP)
    String setup(HttpServletRequest request) {
        return setupAllowed(request) ? "accounts/setup" : "redirect:" + PublicPaths.LOGIN;
    }

    @PostMapping(PublicPaths.SETUP)
    String createAdmin(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordRepeat,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            java.util.Locale locale) {
        if (!setupAllowed(request)) {
            return "redirect:" + PublicPaths.LOGIN;
        }
        model.addAttribute("username", username);
        if (!password.equals(passwordRepeat)) {
            model.addAttribute("error", messages.getMessage("accounts.setup.mismatch", null, locale));
            return "accounts/setup";
        }
        User admin;
        try {
            admin = firstAdmin.create(username, password);
        } catch (ApiProblem e) {
            model.addAttribute(
                    "error", messages.getMessage(e.getDetailMessageCode(), e.getDetailMessageArguments(), locale));
            return "accounts/setup";
        }
        if (admin == null) {
            return "redirect:" + PublicPaths.LOGIN;
        }
        logIn(admin.caller(), request, response);
        users.loggedIn(admin.id());
        audit.record(AuditLog.USER_CREATE, admin.username() + " (ADMIN, setup page)");
        return "redirect:/";
    }

    private boolean setupAllowed(HttpServletRequest request) {
        if (firstAdmin.exists()) {
            return false;
        }
        if (!Loopback.is(request)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "problem.accounts.setup-local");
        }
        return true;
    }

    private void logIn(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, caller.role().authorities()));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a new session id at login (session fixation)
        }
        contexts.saveContext(context, request, response);
    }
}
