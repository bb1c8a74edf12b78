package app.leadgen.instagram.web;

import app.leadgen.instagram.InstagramSession;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the user's Instagram session id in the server-side session (spec §1.1). The value is never
 * sent back: {@code GET /session} only says whether one is set and where it comes from.
 */
@RestController
@Tag(name = "Session", description = "The Instagram session id used for Apify calls")
class SessionController {

    private final InstagramSession igSession;

    SessionController(InstagramSession igSession) {
        this.igSession = igSession;
    }

    record SessionBody(String sessionId) {}

    @PostMapping(value = "/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store the Instagram session id for this browser session")
    ResponseEntity<Map<String, Object>> storeJson(@RequestBody SessionBody body, HttpSession session) {
        return store(body.sessionId(), session);
    }

    @PostMapping(value = "/session", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> storeForm(
            @RequestParam(required = false) String sessionId, HttpSession session) {
        return store(sessionId, session);
    }

    @GetMapping("/session")
    @Operation(summary = "Whether an Instagram session id is set: source is session, env or none")
    Map<String, Object> status(HttpSession session) {
        String source = igSession.source(session);
        return Map.of("configured", !source.equals("none"), "source", source);
    }

    private ResponseEntity<Map<String, Object>> store(String sessionId, HttpSession session) {
        if (sessionId == null || sessionId.isBlank()) {
            throw ApiProblem.badRequest("problem.session.blank");
        }
        String value = sessionId.strip();
        if (value.length() > InstagramSession.MAX_LENGTH || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ApiProblem.badRequest("problem.session.malformed", InstagramSession.MAX_LENGTH);
        }
        session.setAttribute(InstagramSession.ATTRIBUTE, value);
        return ResponseEntity.ok(Map.of("configured", true, "source", "session"));
    }
}
