package app.leadgen.runs;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A run's counters, one row per run and counter name. Counters are incremented in the database (not
 * read, changed and saved), so parallel workers on several instances never lose an update.
 */
@Component
class RunCounters {

    private final JdbcClient jdbc;

    RunCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long runId, String name, int n) {
        if (n == 0) {
            return;
        }
        int updated = jdbc.sql("update run_counters set amount = amount + :n where run_id = :run and name = :name")
                .param("n", n)
                .param("run", runId)
                .param("name", name)
                .update();
        if (updated == 0) {
            insertOr(runId, name, n, "amount + :n");
        }
    }

    void set(long runId, String name, int value) {
        int updated = jdbc.sql("update run_counters set amount = :n where run_id = :run and name = :name")
                .param("n", value)
                .param("run", runId)
                .param("name", name)
                .update();
        if (updated == 0) {
            insertOr(runId, name, value, ":n");
        }
    }

    /** First write of a counter; when another worker inserted it meanwhile, update that row instead. */
    private void insertOr(long runId, String name, int n, String update) {
        try {
            jdbc.sql("insert into run_counters (run_id, name, amount) values (:run, :name, :n)")
                    .param("run", runId)
                    .param("name", name)
                    .param("n", n)
                    .update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql("update run_counters set amount = " + update + " where run_id = :run and name = :name")
                    .param("n", n)
                    .param("run", runId)
                    .param("name", name)
                    .update();
        }
    }

    int get(long runId, String name) {
        return jdbc.sql("select amount from run_counters where run_id = :run and name = :name")
                .param("run", runId)
                .param("name", name)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    Map<String, Integer> all(long runId) {
        Map<String, Integer> all = new TreeMap<>();
        jdbc.sql("select name, amount from run_counters where run_id = :run")
                .param("run", runId)
                .query((rs, n) -> all.put(rs.getString(1), rs.getInt(2)))
                .list();
        return all;
    }

    /** Zeroes these counters (the stages a resumed run does again). */
    void reset(long runId, Iterable<String> names) {
        names.forEach(name -> set(runId, name, 0));
    }
}
