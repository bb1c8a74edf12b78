package app.leadgen.instagram.web;

import app.leadgen.accounts.AuditLog;
import app.leadgen.instagram.BatchSettings;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings/runs")
@Tag(name = "Settings")
class RunSettingsController {

    private final BatchSettings batches;
    private final AuditLog audit;

    RunSettingsController(BatchSettings batches, AuditLog audit) {
        this.batches = batches;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Enrichment batches: size (1-50 usernames) and the pause between batches in seconds")
    BatchSettings.Batches get() {
        return batches.current();
    }

    @PutMapping
    @Operation(summary = "Change batch size and pause; runs use the new values from their next batch")
    BatchSettings.Batches put(@RequestBody BatchSettings.Batches body) {
        if (body.batchSize() < 1 || body.batchSize() > BatchSettings.MAX_BATCH_SIZE) {
            throw ApiProblem.badRequest("problem.settings.batch-size", BatchSettings.MAX_BATCH_SIZE);
        }
        if (body.batchPauseSeconds() < 0 || body.batchPauseSeconds() > BatchSettings.MAX_PAUSE_SECONDS) {
            throw ApiProblem.badRequest("problem.settings.batch-pause", BatchSettings.MAX_PAUSE_SECONDS);
        }
        batches.save(body);
        audit.record(
                AuditLog.SETTINGS_CHANGE,
                "batches: " + body.batchSize() + " profiles, pause " + body.batchPauseSeconds() + " s");
        return batches.current();
    }
}
