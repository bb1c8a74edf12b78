package app.leadgen.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages: users and audit log (admins), one's own profile (everyone). Their scripts use the API. */
@Controller
class AccountPages {

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("nav", "users");
        model.addAttribute("roles", Role.values());
        model.addAttribute("minPassword", Passwords.MIN_LENGTH);
        return "accounts/users";
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("nav", "audit");
        return "accounts/audit";
    }

    @GetMapping("/profile")
    String profile(Model model) {
        model.addAttribute("nav", "profile");
        model.addAttribute("minPassword", Passwords.MIN_LENGTH);
        return "accounts/profile";
    }
}
