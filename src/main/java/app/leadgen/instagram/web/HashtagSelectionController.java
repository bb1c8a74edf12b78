package app.leadgen.instagram.web;

import app.leadgen.instagram.HashtagChoices;
import app.leadgen.runs.RunService;
import app.leadgen.runs.RunView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The hashtag selection of an Instagram run that waits for it. Role: member. */
@RestController
@Tag(name = "Runs")
class HashtagSelectionController {

    private final HashtagChoices choices;
    private final RunService runs;

    HashtagSelectionController(HashtagChoices choices, RunService runs) {
        this.choices = choices;
        this.runs = runs;
    }

    record Selection(List<String> selected) {}

    @PostMapping("/api/runs/{id}/hashtags")
    @Operation(summary = "Continue a run in AWAITING_SELECTION with only the selected hashtags")
    ResponseEntity<RunView> select(@PathVariable long id, @RequestBody Selection body) {
        choices.choose(id, body.selected());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(runs.get(id));
    }
}
