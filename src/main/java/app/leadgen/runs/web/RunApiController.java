package app.leadgen.runs.web;

import app.leadgen.accounts.AuditLog;
import app.leadgen.runs.RunService;
import app.leadgen.runs.RunView;
import app.leadgen.runs.StartRequest;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

/** The runs API: start (any source), status, live events, stop, emergency stop, resume. Role: member. */
@RestController
@RequestMapping("/api/runs")
@Tag(name = "Runs")
class RunApiController {

    private final RunService runs;
    private final RunEvents events;
    private final AuditLog audit;

    RunApiController(RunService runs, RunEvents events, AuditLog audit) {
        this.runs = runs;
        this.events = events;
        this.audit = audit;
    }

    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: a 'run' event with the run's state whenever it changes, until it ends")
    SseEmitter events(@PathVariable long id) {
        runs.get(id); // 404 for an unknown run
        if (events.full()) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.runs.too-many-streams");
        }
        return events.follow(id);
    }

    @PostMapping
    @Operation(
            summary = "Start a run (202; it works in the background). The body's \"source\" names the pipeline"
                    + " (default leadgen.runs.default-source); its other fields are that pipeline's (see the README)")
    ResponseEntity<RunView> start(@RequestBody JsonNode body, HttpSession session) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("problem.request.malformed");
        }
        JsonNode source = body.get("source");
        if (source != null && !source.isNull() && !source.isString()) {
            throw ApiProblem.badRequest("problem.runs.source-unknown");
        }
        RunView run = runs.start(new StartRequest(
                source == null || source.isNull() ? null : source.asString(), body, attributes(session)));
        audit.record(AuditLog.RUN_START, describe(run));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/runs/" + run.id())
                .body(run);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status, stages and counts of a run")
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
        RunView run = runs.emergencyStop(id);
        audit.record(AuditLog.RUN_EMERGENCY_STOP, describe(run));
        return run;
    }

    @PostMapping("/emergency-stop")
    @Operation(summary = "Emergency stop for every queued or running run")
    Map<String, Integer> emergencyStopAll() {
        int stopped = runs.emergencyStopAll();
        audit.record(AuditLog.RUN_EMERGENCY_STOP, "all runs (" + stopped + " stopped)");
        return Map.of("stopped", stopped);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Continue a STOPPED or FAILED run with only what is left (409 otherwise)")
    ResponseEntity<RunView> resume(@PathVariable long id, HttpSession session) {
        RunView run = runs.resume(id, attributes(session));
        audit.record(AuditLog.RUN_RESUME, describe(run));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(run);
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop a run: calls in flight finish, nothing new starts, results are kept")
    RunView stop(@PathVariable long id) {
        RunView run = runs.requestStop(id);
        audit.record(AuditLog.RUN_STOP, describe(run));
        return run;
    }

    private static String describe(RunView run) {
        return "run " + run.id() + " (" + run.source() + (run.keyword() == null ? "" : ": " + run.keyword()) + ")";
    }

    private static Function<String, Object> attributes(HttpSession session) {
        return name -> session.getAttribute(name);
    }
}
