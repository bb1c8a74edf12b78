package app.leadgen.tracking;

import app.leadgen.suppressions.Reason;
import app.leadgen.suppressions.Suppressions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Unsubscribing ({@code PublicPaths}, no login, no CSRF token: the link must work from any mail
 * client). {@code GET /u/{token}} only shows a German page with a button, since mail scanners fetch
 * every link; the button and the one-click {@code POST} of RFC 8058 (body {@code
 * List-Unsubscribe=One-Click}, from the mailbox provider) suppress the address at once, idempotently.
 */
@Controller
class UnsubscribeController {

    private final TrackedMails mails;
    private final EventLog events;
    private final Suppressions suppressions;
    private final Clock clock;

    UnsubscribeController(TrackedMails mails, EventLog events, Suppressions suppressions, Clock clock) {
        this.mails = mails;
        this.events = events;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    @GetMapping("/u/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        Optional<TrackedMails.Row> mail = mails.byToken(token);
        if (mail.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "tracking/invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("address", masked(mail.get().recipient()));
        model.addAttribute("done", suppressions.isSuppressed(mail.get().recipient()));
        return "tracking/unsubscribe";
    }

    /** The page's button: the same unsubscribe, answered with the page that says it is done. */
    @PostMapping(value = "/u/{token}", params = "from=page")
    String button(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        Optional<TrackedMails.Row> mail = unsubscribe(token, request);
        if (mail.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "tracking/invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("address", masked(mail.get().recipient()));
        model.addAttribute("done", true);
        return "tracking/unsubscribe";
    }

    /** RFC 8058 one-click: the mailbox provider posts {@code List-Unsubscribe=One-Click}; 200 means done. */
    @PostMapping("/u/{token}")
    @ResponseBody
    ResponseEntity<String> oneClick(@PathVariable String token, HttpServletRequest request) {
        if (unsubscribe(token, request).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.TEXT_PLAIN)
                .body("unsubscribed");
    }

    private Optional<TrackedMails.Row> unsubscribe(String token, HttpServletRequest request) {
        Optional<TrackedMails.Row> mail = mails.byToken(token);
        mail.ifPresent(m -> {
            suppressions.suppress(m.recipient(), Reason.UNSUBSCRIBED);
            // once per mail: a second click or the provider's retry changes nothing
            if (!events.has(m.id(), EventType.UNSUBSCRIBE)) {
                events.record(
                        m,
                        EventType.UNSUBSCRIBE,
                        false,
                        new EventLog.Visitor(request.getRemoteAddr(), request.getHeader("User-Agent")),
                        null,
                        null,
                        clock.instant());
            }
        });
        return mail;
    }

    /** {@code j***@studio-weiss.de}: enough for the reader to recognise their address, nothing for anyone else. */
    static String masked(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
