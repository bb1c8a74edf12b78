/**
 * Runs: the lifecycle of every run, whatever its source — start, stop, emergency stop, resume,
 * status, per-run counters, the ledger of external calls, heartbeat and watch, the sweeper, live
 * events and {@link app.leadgen.runs.RunFinished}. Sources plug in as {@link app.leadgen.runs.Pipeline}s.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Runs",
        allowedDependencies = {"accounts", "support"})
package app.leadgen.runs;
