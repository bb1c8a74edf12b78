package app.leadgen.schedule;

import app.leadgen.settings.SettingsStore;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The schedule as stored in {@code app_settings}; what was never changed comes from {@link ScheduleProperties}. */
@Service
class ScheduleSettings {

    static final String ENABLED = "schedule.enabled";
    static final String TIME = "schedule.time";
    static final String ZONE = "schedule.zone";
    private static final Logger log = LoggerFactory.getLogger(ScheduleSettings.class);

    private final SettingsStore settings;
    private final ScheduleProperties defaults;

    ScheduleSettings(SettingsStore settings, ScheduleProperties defaults) {
        this.settings = settings;
        this.defaults = defaults;
    }

    Schedule defaults() {
        return new Schedule(defaults.enabled(), LocalTime.of(defaults.hour(), defaults.minute()), defaults.zone());
    }

    Schedule current() {
        Schedule fallback = defaults();
        boolean enabled =
                settings.get(ENABLED).map(v -> Boolean.parseBoolean(v.strip())).orElse(fallback.enabled());
        LocalTime time = settings.get(TIME)
                .map(v -> {
                    try {
                        return LocalTime.parse(v.strip(), Schedule.HH_MM);
                    } catch (DateTimeParseException e) {
                        log.warn("Stored schedule time '{}' is not HH:mm; using {}", v, fallback.timeText());
                        return fallback.time();
                    }
                })
                .orElse(fallback.time());
        ZoneId zone = settings.get(ZONE)
                .map(v -> {
                    try {
                        return ZoneId.of(v.strip());
                    } catch (DateTimeException e) {
                        log.warn("Stored schedule zone '{}' is unknown; using {}", v, fallback.zone());
                        return fallback.zone();
                    }
                })
                .orElse(fallback.zone());
        return new Schedule(enabled, time, zone);
    }

    @Transactional
    void save(Schedule schedule) {
        settings.put(ENABLED, String.valueOf(schedule.enabled()));
        settings.put(TIME, schedule.timeText());
        settings.put(ZONE, schedule.zone().getId());
    }
}
