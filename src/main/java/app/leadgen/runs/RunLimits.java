package app.leadgen.runs;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Timing of the lifecycle: leases of workers and how often a worker looks for an emergency stop. */
@Component
public class RunLimits {

    private final Duration lease;

    RunLimits(@Value("${leadgen.runs.batch-lease:60s}") Duration lease) {
        this.lease = lease.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : lease;
    }

    /**
     * How long a worker's claim (a run's heartbeat, a batch, a username) stays with a worker that
     * stopped renewing it; after that another worker takes it over ({@code RUN_BATCH_LEASE}).
     */
    public Duration lease() {
        return lease;
    }

    /** How often a running pipeline looks for an emergency stop (keeps "stopped within 2 s"). */
    public long stopPollMillis() {
        return 300;
    }
}
