package app.leadgen.places;

import app.leadgen.runs.RunService;
import app.leadgen.runs.RunView;
import app.leadgen.runs.StartRequest;
import app.leadgen.schedule.DailyRoutineDue;
import app.leadgen.schedule.RoutineRuns;
import app.leadgen.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The daily routine of seed 002 §7 (discovery → qualification → extraction) is one Places run over
 * every active location: the run does all three steps, with the usual progress, stop and resume.
 * It starts when the schedule says the routine is due: after the schedule's transaction, on another
 * thread, and outside any transaction of its own, because a run is handed to JobRunr only once its
 * row is committed. The event publication registry marks the event handled when this returns.
 */
@Component
class PlacesDailyRoutine {

    private static final Logger log = LoggerFactory.getLogger(PlacesDailyRoutine.class);

    private final RunService runs;
    private final RoutineRuns routineRuns;

    PlacesDailyRoutine(RunService runs, RoutineRuns routineRuns) {
        this.runs = runs;
        this.routineRuns = routineRuns;
    }

    @Async
    @TransactionalEventListener
    void start(DailyRoutineDue due) {
        try {
            RunView run = runs.start(StartRequest.of(PlacesPipeline.SOURCE));
            routineRuns.started(run.id());
            log.info("daily routine ({}): Places run {} started", due.trigger(), run.id());
        } catch (ApiProblem notStartable) {
            // no key or no active location: the start page and „Orte & Zeitplan" say what is missing
            routineRuns.notStarted(notStartable.getDetailMessageCode(), notStartable.getDetailMessageArguments());
            log.warn(
                    "daily routine ({}): no Places run started ({})",
                    due.trigger(),
                    notStartable.getDetailMessageCode());
        }
    }
}
