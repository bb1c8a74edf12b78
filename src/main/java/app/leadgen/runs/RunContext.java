package app.leadgen.runs;

import app.leadgen.support.Cancellation;
import java.util.Map;

/**
 * One run as its pipeline sees it: what was stored at the start, the cancellation that an emergency
 * stop triggers, and the writes a pipeline may make (stage, counters, warnings, ledger). Every write is
 * a single UPDATE, so any number of workers on any instance can report at once.
 */
public final class RunContext {

    private final long id;
    private final String keyword;
    private final Map<String, String> params;
    private final String sealedSecret;
    private final boolean resumed;
    private final Cancellation cancellation;
    private final String owner;
    private final RunStates states;
    private final RunCounters counters;
    private final RunLedger ledger;
    private final RunQueue queue;

    RunContext(
            RunRecord run,
            Cancellation cancellation,
            String owner,
            RunStates states,
            RunCounters counters,
            RunLedger ledger,
            RunQueue queue) {
        this.id = run.id();
        this.keyword = run.keyword();
        this.params = run.params();
        this.sealedSecret = run.sessionSecret();
        this.resumed = run.startedAt() != null;
        this.cancellation = cancellation;
        this.owner = owner;
        this.states = states;
        this.counters = counters;
        this.ledger = ledger;
        this.queue = queue;
    }

    public long id() {
        return id;
    }

    public String keyword() {
        return keyword;
    }

    public String param(String name) {
        return params.get(name);
    }

    /** The secret given at the start, still sealed (open it with {@code SecretBox}); null when none. */
    public String sealedSecret() {
        return sealedSecret;
    }

    /** True when the run had started before this job (a resume, a retry, a takeover). */
    public boolean resumed() {
        return resumed;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /** This worker's identity for leases (instance, run, worker). */
    public String owner() {
        return owner;
    }

    /** The stage the run is in now (as stored; another worker may have moved it on). */
    public String stage() {
        return states.find(id).map(RunRecord::stage).orElse(null);
    }

    public void stage(String stage) {
        states.stage(id, stage);
    }

    public void add(String counter, int n) {
        counters.add(id, counter, n);
    }

    public void set(String counter, int value) {
        counters.set(id, counter, value);
    }

    public int count(String counter) {
        return counters.get(id, counter);
    }

    public void warn(String key, Object... args) {
        states.warn(id, Text.of(key, args));
    }

    /** One line in the ledger of external calls (service, what, how many units, how it ended). */
    public void ledger(String service, String operation, int units, String outcome) {
        ledger.record(id, service, operation, units, outcome);
    }

    /** A stop (or emergency stop) was requested: start nothing new. */
    public boolean stopRequested() {
        return cancellation.cancelled() || states.stopRequested(id);
    }

    /** True while the run is RUNNING (not stopped, failed or done by another worker). */
    public boolean running() {
        return states.running(id);
    }

    /** Sends a helper job for this run, for whichever instance takes it ({@link Pipeline#help}). */
    public void inviteHelper(int bounce) {
        queue.help(id, bounce);
    }

    /** Ends the run FAILED (for helpers, whose failures the run's own job never sees). */
    public void fail(Text reason) {
        states.fail(id, reason);
    }

    /** Ends the run STOPPED when a stop was requested; true when it is (or was already) stopped. */
    public boolean stopIfRequested() {
        return states.stopIfRequested(id);
    }
}
