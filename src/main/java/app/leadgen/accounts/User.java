package app.leadgen.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** A row of {@code app_users}. */
record User(
        long id,
        String username,
        String passwordHash,
        Role role,
        boolean active,
        String stamp,
        Instant createdAt,
        Instant lastLoginAt) {

    static User of(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"),
                rs.getString("password_stamp"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_login_at")));
    }

    /** What the API shows: never the hash. */
    record View(long id, String username, Role role, boolean active, Instant createdAt, Instant lastLoginAt) {}

    View view() {
        return new View(id, username, role, active, createdAt, lastLoginAt);
    }

    Caller caller() {
        return new Caller(id, username, role, stamp, null);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
