package app.leadgen.schedule;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadgen.schedule.*}: the defaults of the schedule until the user changes it on the page
 * ({@code SCHEDULE_ENABLED}, {@code DISCOVERY_HOUR}, {@code DISCOVERY_MINUTE}, {@code SCHEDULE_ZONE}).
 */
@ConfigurationProperties("leadgen.schedule")
record ScheduleProperties(boolean enabled, int hour, int minute, ZoneId zone) {

    ScheduleProperties {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("DISCOVERY_HOUR must be 0..23, not " + hour);
        }
        if (minute < 0 || minute > 59) {
            throw new IllegalArgumentException("DISCOVERY_MINUTE must be 0..59, not " + minute);
        }
        if (zone == null) {
            zone = ZoneId.of("Europe/Berlin");
        }
    }
}
