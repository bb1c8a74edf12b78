package app.leadgen.places;

import app.leadgen.runs.RunService;
import app.leadgen.runs.RunView;
import app.leadgen.runs.StartRequest;
import app.leadgen.schedule.DailyRoutine;
import app.leadgen.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The daily routine of seed 002 §7 (discovery → qualification → extraction) is one Places run over
 * every active location: the run does all three steps, with the usual progress, stop and resume.
 */
@Component
class PlacesDailyRoutine implements DailyRoutine {

    private static final Logger log = LoggerFactory.getLogger(PlacesDailyRoutine.class);

    private final RunService runs;

    PlacesDailyRoutine(RunService runs) {
        this.runs = runs;
    }

    @Override
    public void run() {
        try {
            RunView run = runs.start(StartRequest.of(PlacesPipeline.SOURCE));
            log.info("daily routine: Places run {} started", run.id());
        } catch (ApiProblem notStartable) {
            // no key or no active location: the start page lists what is missing
            log.warn(
                    "daily routine: no Places run started ({})",
                    notStartable.getBody().getDetail());
        }
    }
}
