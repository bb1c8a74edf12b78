package app.leadgen.support;

import java.util.List;

/** Implemented by each module that needs credentials, so the UI can list what is missing. */
public interface SettingsCheck {

    List<MissingSetting> missingSettings();
}
