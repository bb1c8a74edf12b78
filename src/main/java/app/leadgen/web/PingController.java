package app.leadgen.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The spec's health check: {@code GET /ping} answers 200 {@code OK}. Details: /actuator/health. */
@RestController
@Tag(name = "Health")
class PingController {

    @GetMapping(value = "/ping", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Liveness check: always 200 OK while the app runs")
    String ping() {
        return "OK";
    }
}
