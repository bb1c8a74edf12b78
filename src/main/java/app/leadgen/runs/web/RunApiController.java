package app.leadgen.runs.web;

import app.leadgen.runs.RunService;
import app.leadgen.runs.RunView;
import app.leadgen.support.InstagramSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/runs")
@Tag(name = "Runs", description = "Start a run and follow its progress")
class RunApiController {

    private final RunService runs;
    private final InstagramSession igSession;
    private final RunEvents events;

    RunApiController(RunService runs, InstagramSession igSession, RunEvents events) {
        this.runs = runs;
        this.igSession = igSession;
        this.events = events;
    }

    @GetMapping(value = "/{id}/events", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: a 'run' event with the run's state whenever it changes, until it ends")
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter events(@PathVariable long id) {
        runs.get(id); // 404 for an unknown run
        if (events.full()) {
            throw new app.leadgen.support.ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.runs.too-many-streams");
        }
        return events.follow(id);
    }

    /**
     * Body of {@code POST /api/runs}. Instagram (default {@code source}): {@code keyword}, {@code
     * sessionId} overrides the stored Instagram session id. Places ({@code "source": "places"}):
     * {@code locationIds}, default all active target locations.
     */
    record StartRun(
            String source,
            String keyword,
            String sessionId,
            Boolean selectHashtags,
            java.util.List<Long> locationIds) {}

    record Selection(java.util.List<String> selected) {}

    @PostMapping("/{id}/hashtags")
    @Operation(summary = "Continue a run in AWAITING_SELECTION with only the selected hashtags")
    ResponseEntity<RunView> select(@PathVariable long id, @RequestBody Selection body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(runs.selectHashtags(id, body.selected()));
    }

    @PostMapping
    @Operation(
            summary = "Start a run (202; it works in the background): Instagram for a keyword, or"
                    + " {\"source\": \"places\", \"locationIds\": [...]} for Google Places over target locations")
    ResponseEntity<RunView> start(@RequestBody StartRun body, HttpSession session) {
        if ("places".equals(body.source())) {
            RunView run = runs.startPlacesRun(body.locationIds());
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .header("Location", "/api/runs/" + run.id())
                    .body(run);
        }
        if (body.source() != null && !"instagram".equals(body.source())) {
            throw app.leadgen.support.ApiProblem.badRequest("problem.runs.source-unknown");
        }
        if (body.sessionId() != null && body.sessionId().length() > InstagramSession.MAX_LENGTH) {
            throw app.leadgen.support.ApiProblem.badRequest("problem.session.too-long", InstagramSession.MAX_LENGTH);
        }
        RunView run = runs.startInstagramRun(
                body.keyword(),
                igSession.resolve(body.sessionId(), session),
                Boolean.TRUE.equals(body.selectHashtags()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/runs/" + run.id())
                .body(run);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status and per-stage counts of a run")
    RunView get(@PathVariable long id) {
        return runs.get(id);
    }

    @GetMapping
    @Operation(summary = "The 20 most recent runs")
    List<RunView> recent() {
        return runs.recent();
    }

    @PostMapping("/{id}/emergency-stop")
    @Operation(summary = "Emergency stop: cancels calls in flight, ends STOPPED within about 2 s, keeps results")
    RunView emergencyStop(@PathVariable long id) {
        return runs.emergencyStop(id);
    }

    @PostMapping("/emergency-stop")
    @Operation(summary = "Emergency stop for every queued or running run")
    java.util.Map<String, Integer> emergencyStopAll() {
        return java.util.Map.of("stopped", runs.emergencyStopAll());
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Continue a STOPPED or FAILED run with only what is left (409 otherwise)")
    ResponseEntity<RunView> resume(@PathVariable long id, HttpSession session) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(runs.resume(id, igSession.resolve(null, session)));
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop a run: calls in flight finish, nothing new starts, results are kept")
    RunView stop(@PathVariable long id) {
        return runs.requestStop(id);
    }
}
