package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trigram index for the contacts search box ({@code q=}, "contains") on PostgreSQL: {@code
 * pg_trgm} when the server offers it and this user may create it. A database where {@code CREATE
 * EXTENSION} is not allowed still migrates (the search then reads the table); H2 is skipped.
 */
public class V15__search_trigrams extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V15__search_trigrams.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgres")) {
            return;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_available_extensions where name = 'pg_trgm'")) {
            if (!rs.next() || rs.getLong(1) == 0) {
                LOG.warn("pg_trgm is not available on this server: the contacts search runs without a trigram index");
                return;
            }
        }
        // a failed statement aborts a PostgreSQL transaction: only back to here, not the whole migration
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_trgm");
            s.execute("create index ix_contacts_search_trgm on contacts using gin (search_text gin_trgm_ops)");
            c.releaseSavepoint(before);
        } catch (SQLException e) {
            c.rollback(before);
            LOG.warn(
                    "pg_trgm could not be created ({}): the contacts search runs without a trigram index",
                    e.getMessage());
        }
    }
}
