package app.leadgen.schedule;

import app.leadgen.accounts.AuditLog;
import app.leadgen.support.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;
import org.jobrunr.jobs.JobId;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Schedule", description = "When the daily routine (one Places run) runs, and running it now")
class ScheduleController {

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final int MAX_ECHO = 60;

    private final ScheduleSettings settings;
    private final ScheduleRegistrar registrar;
    private final JobScheduler jobs;
    private final RoutineRuns routineRuns;
    private final MessageSource messages;
    private final Clock clock;
    private final AuditLog audit;

    ScheduleController(
            ScheduleSettings settings,
            ScheduleRegistrar registrar,
            JobScheduler jobs,
            RoutineRuns routineRuns,
            MessageSource messages,
            Clock clock,
            AuditLog audit) {
        this.settings = settings;
        this.registrar = registrar;
        this.jobs = jobs;
        this.routineRuns = routineRuns;
        this.messages = messages;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * @param time HH:mm in {@code zone}
     * @param nextRun ISO-8601 with the zone's offset; null when switched off
     * @param available whether a daily routine is built in: always true since the Places search is part
     *     of the app (kept for scripts written before)
     * @param lastRun what became of the routine's last run; null before the first one
     */
    record ScheduleView(
            boolean enabled, String time, String zone, String nextRun, boolean available, LastRunView lastRun) {}

    /**
     * @param runId the run the routine started; null when it started none
     * @param status COMPLETED, STOPPED, FAILED, or NOT_STARTED with {@code message} saying why
     * @param at when the run ended (or the routine found it could not start one), ISO-8601
     * @param counters the run's counters when it ended
     */
    record LastRunView(Long runId, String status, String at, Map<String, Integer> counters, String message) {}

    /** Body of the PUT; a field left out keeps its value. */
    record ScheduleUpdate(Boolean enabled, String time, String zone) {}

    @GetMapping("/api/settings/schedule")
    @Operation(summary = "The daily routine's schedule and its next run")
    ScheduleView get() {
        return view(settings.current());
    }

    @PutMapping("/api/settings/schedule")
    @Operation(
            summary = "Change the schedule: enabled, time (HH:mm) and zone (IANA id such as Europe/Berlin);"
                    + " the recurring job is registered again at once")
    ScheduleView put(@RequestBody ScheduleUpdate body) {
        Schedule current = settings.current();
        LocalTime time = current.time();
        if (body.time() != null) {
            String text = body.time().strip();
            if (!HH_MM.matcher(text).matches()) {
                throw ApiProblem.badRequest("problem.schedule.time", echo(body.time()));
            }
            time = LocalTime.parse(text, Schedule.HH_MM);
        }
        ZoneId zone = current.zone();
        if (body.zone() != null) {
            String id = body.zone().strip();
            if (!ZoneId.getAvailableZoneIds().contains(id)) {
                throw ApiProblem.badRequest("problem.schedule.zone", echo(body.zone()));
            }
            zone = ZoneId.of(id);
        }
        boolean enabled = body.enabled() == null ? current.enabled() : body.enabled();
        settings.save(new Schedule(enabled, time, zone));
        audit.record(
                AuditLog.SETTINGS_CHANGE,
                "daily routine: " + (enabled ? "on" : "off") + ", " + time.format(Schedule.HH_MM) + " " + zone.getId());
        return view(registrar.sync());
    }

    @PostMapping("/api/schedule/run-now")
    @Operation(summary = "Jetzt ausführen: run the daily routine at once as a background job (202)")
    ResponseEntity<Map<String, String>> runNow() {
        JobId id = jobs.<DailyRoutineJob>enqueue(job -> job.runNow());
        audit.record(AuditLog.RUN_START, "daily routine now (job " + id + ")");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("jobId", id.toString(), "status", "ENQUEUED"));
    }

    private ScheduleView view(Schedule schedule) {
        ZonedDateTime next = schedule.nextRun(clock.instant());
        return new ScheduleView(
                schedule.enabled(),
                schedule.timeText(),
                schedule.zone().getId(),
                next == null ? null : next.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                true,
                routineRuns.last().map(this::lastRun).orElse(null));
    }

    private LastRunView lastRun(RoutineRuns.LastRoutine last) {
        String message = last.messageKey() == null
                ? null
                : messages.getMessage(
                        last.messageKey(),
                        last.messageArgs().toArray(),
                        last.messageKey(),
                        LocaleContextHolder.getLocale());
        return new LastRunView(
                last.runId(),
                last.status(),
                last.at() == null ? null : last.at().toString(),
                last.counters(),
                message);
    }

    private static String echo(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_ECHO ? clean.substring(0, MAX_ECHO) + "…" : clean;
    }
}
