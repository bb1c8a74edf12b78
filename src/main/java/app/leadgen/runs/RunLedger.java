package app.leadgen.runs;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ledger of external calls: one line per paid (or attempted) call, per run. */
@Component
class RunLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    RunLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long runId, String service, String operation, int units, String outcome) {
        jdbc.sql("insert into external_calls (run_id, service, operation, units, outcome, created_at)"
                        + " values (:run, :service, :op, :units, :outcome, :now)")
                .param("run", runId)
                .param("service", service)
                .param("op", operation)
                .param("units", units)
                .param("outcome", outcome)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Calls per service for a run; the {@code services} every run shows, also with 0. */
    Map<String, Integer> calls(long runId, Iterable<String> services) {
        Map<String, Integer> calls = new TreeMap<>();
        services.forEach(s -> calls.put(s, 0));
        jdbc.sql("select service, count(*) from external_calls where run_id = :run group by service")
                .param("run", runId)
                .query((rs, n) -> calls.put(rs.getString(1), rs.getInt(2)))
                .list();
        return calls;
    }
}
