package app.leadgen.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jobrunr.scheduling.cron.CronExpression;

/** The schedule of the daily routine: on or off, a time of day and the zone that time is meant in. */
record Schedule(boolean enabled, LocalTime time, ZoneId zone) {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** JobRunr's cron: minute, hour, every day. */
    String cron() {
        return time.getMinute() + " " + time.getHour() + " * * *";
    }

    String timeText() {
        return time.format(HH_MM);
    }

    /** When JobRunr will start the routine next (computed from the cron, as JobRunr does); null when off. */
    ZonedDateTime nextRun(Instant now) {
        if (!enabled) {
            return null;
        }
        return new CronExpression(cron()).next(now, now, zone).atZone(zone);
    }
}
