package app.leadgen.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** One row of the {@code runs} table as read; every write goes through {@link RunStates}. */
record RunRecord(
        long id,
        String source,
        String keyword,
        RunStatus status,
        String stage,
        String legacyError,
        Text error,
        String legacyWarning,
        Text warning,
        String sessionSecret,
        boolean stopRequested,
        boolean emergencyStop,
        Map<String, String> params,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant heartbeatAt,
        String jobId) {

    static final String COLUMNS = "id, source, keyword, status, stage, error_message, error_key, error_args, warning,"
            + " warning_key, warning_args, session_secret, stop_requested, emergency_stop, params, created_at,"
            + " started_at, finished_at, heartbeat_at, job_id";

    static RunRecord map(ResultSet rs, int row) throws SQLException {
        return new RunRecord(
                rs.getLong("id"),
                rs.getString("source"),
                rs.getString("keyword"),
                RunStatus.valueOf(rs.getString("status")),
                rs.getString("stage"),
                rs.getString("error_message"),
                RunJson.text(rs.getString("error_key"), rs.getString("error_args")),
                rs.getString("warning"),
                RunJson.text(rs.getString("warning_key"), rs.getString("warning_args")),
                rs.getString("session_secret"),
                rs.getBoolean("stop_requested"),
                rs.getBoolean("emergency_stop"),
                RunJson.params(rs.getString("params")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                instant(rs.getTimestamp("heartbeat_at")),
                rs.getString("job_id"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
