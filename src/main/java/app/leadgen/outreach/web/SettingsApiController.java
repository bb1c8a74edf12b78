package app.leadgen.outreach.web;

import app.leadgen.accounts.AuditLog;
import app.leadgen.outreach.DraftSettings;
import app.leadgen.outreach.PromptTemplate;
import app.leadgen.settings.SettingsStore;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings")
@Tag(name = "Settings", description = "Drafting prompts and model")
class SettingsApiController {

    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:/@-]{1,100}");

    private final DraftSettings settings;
    private final AuditLog audit;

    SettingsApiController(DraftSettings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping("/prompts")
    @Operation(summary = "The drafting prompts; the user prompt's {placeholders} are filled with lead fields")
    DraftSettings.Prompts prompts() {
        return settings.prompts();
    }

    @PutMapping("/prompts")
    @Operation(summary = "Change the drafting prompts")
    DraftSettings.Prompts savePrompts(@RequestBody DraftSettings.Prompts prompts) {
        for (String text : new String[] {prompts.system(), prompts.user()}) {
            if (text == null || text.isBlank()) {
                throw ApiProblem.badRequest("problem.settings.prompt-blank");
            }
            if (text.length() > SettingsStore.MAX_VALUE_LENGTH) {
                throw ApiProblem.badRequest("problem.settings.prompt-long", SettingsStore.MAX_VALUE_LENGTH);
            }
            Set<String> unknown = PromptTemplate.unknownPlaceholders(text);
            if (!unknown.isEmpty()) {
                throw ApiProblem.badRequest(
                        "problem.settings.placeholder",
                        String.join(", ", unknown),
                        "{" + String.join("}, {", PromptTemplate.PLACEHOLDERS) + "}");
            }
        }
        settings.savePrompts(new DraftSettings.Prompts(
                prompts.system().strip(), prompts.user().strip()));
        audit.record(AuditLog.PROMPTS_CHANGE, "drafting prompts");
        return settings.prompts();
    }

    record TrackingSetting(Boolean enabled) {}

    @GetMapping("/tracking")
    @Operation(summary = "Whether mails sent one by one carry an open pixel and tracked links (default off)")
    Map<String, Object> tracking() {
        return Map.of("enabled", settings.tracking());
    }

    @PutMapping("/tracking")
    @Operation(summary = "Switch open and click tracking of mails sent one by one on or off")
    Map<String, Object> saveTracking(@RequestBody TrackingSetting body) {
        if (body == null || body.enabled() == null) {
            throw ApiProblem.badRequest("problem.settings.tracking");
        }
        settings.saveTracking(body.enabled());
        audit.record(AuditLog.SETTINGS_CHANGE, "tracking of mails sent one by one: " + (body.enabled() ? "on" : "off"));
        return tracking();
    }

    record ModelSetting(String model) {}

    @GetMapping("/ai")
    @Operation(summary = "The drafting model (OPENAI_MODEL unless changed here)")
    Map<String, Object> model() {
        return Map.of("model", settings.model(), "defaultModel", settings.defaultModel());
    }

    @PutMapping("/ai")
    @Operation(summary = "Choose the drafting model")
    Map<String, Object> saveModel(@RequestBody ModelSetting body) {
        if (body.model() == null || !MODEL.matcher(body.model().strip()).matches()) {
            throw ApiProblem.badRequest("problem.settings.model");
        }
        settings.saveModel(body.model().strip());
        audit.record(AuditLog.SETTINGS_CHANGE, "drafting model: " + body.model().strip());
        return model();
    }
}
