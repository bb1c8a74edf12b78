package app.leadgen.outreach;

import app.leadgen.settings.SettingsStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The drafting prompts and model: stored settings, with the shipped German pair as default. */
@Service
public class DraftSettings {

    static final String SYSTEM = "outreach.prompt.system";
    static final String USER = "outreach.prompt.user";
    static final String MODEL = "outreach.model";
    static final String TRACKING = "outreach.tracking";

    private final SettingsStore settings;
    private final String defaultSystem = app.leadgen.support.Prompts.load("outreach/draft-system.txt");
    private final String defaultUser = app.leadgen.support.Prompts.load("outreach/draft-user.txt");
    private final String defaultModel;

    DraftSettings(SettingsStore settings, @Value("${leadgen.openai.model}") String defaultModel) {
        this.settings = settings;
        this.defaultModel = defaultModel;
    }

    public record Prompts(String system, String user) {}

    public Prompts prompts() {
        return new Prompts(settings.get(SYSTEM, defaultSystem), settings.get(USER, defaultUser));
    }

    public void savePrompts(Prompts prompts) {
        settings.put(SYSTEM, prompts.system());
        settings.put(USER, prompts.user());
    }

    /** Whether a mail sent one by one gets the open pixel and wrapped links (off unless switched on). */
    public boolean tracking() {
        return Boolean.parseBoolean(settings.get(TRACKING, "false"));
    }

    public void saveTracking(boolean enabled) {
        settings.put(TRACKING, Boolean.toString(enabled));
    }

    public String model() {
        return settings.get(MODEL, defaultModel);
    }

    public void saveModel(String model) {
        settings.put(MODEL, model);
    }

    public String defaultModel() {
        return defaultModel;
    }
}
