package app.leadgen.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.SqlStorageProvider;
import org.jobrunr.storage.sql.common.DatabaseMigrationsProvider;
import org.jobrunr.storage.sql.common.migrations.SqlMigration;
import org.jobrunr.storage.sql.h2.H2StorageProvider;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * JobRunr's tables are created from the same migration files JobRunr itself would run, found without
 * opening the jar as a zip file system, on H2 and PostgreSQL, and a second start changes nothing.
 */
class JobRunrStorageTest {

    @Test
    void findsTheMigrationsJobRunrWouldRun() {
        for (Class<? extends SqlStorageProvider> type :
                List.of(H2StorageProvider.class, PostgresStorageProvider.class)) {
            List<String> jobRunrs = new DatabaseMigrationsProvider(type)
                    .getMigrations()
                    .map(JobRunrStorageTest::nameAndSql)
                    .sorted()
                    .toList();
            List<String> ours = new JobRunrStorage.Tables(new JdbcDataSource(), type)
                    .getMigrations()
                    .map(JobRunrStorageTest::nameAndSql)
                    .toList();
            assertThat(ours).as(type.getSimpleName()).isNotEmpty().isEqualTo(jobRunrs);
        }
    }

    @Test
    void createsJobRunrsTablesOnH2OnceAndStoresJobs() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jobrunr-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        startTwiceAndCheck(h2);
    }

    @Test
    void createsJobRunrsTablesOnPostgresOnceAndStoresJobs() throws SQLException {
        // a database of its own: the shared test database already has JobRunr's tables
        TestPostgres.Database db = TestPostgres.database();
        String name = "jobrunr_storage_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = java.sql.DriverManager.getConnection(db.url(), db.username(), db.password())) {
            c.createStatement().execute("create database " + name);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(db.url().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name));
        pg.setUser(db.username());
        pg.setPassword(db.password());
        startTwiceAndCheck(pg);
    }

    private static void startTwiceAndCheck(DataSource dataSource) throws SQLException {
        JobMapper mapper = new JobMapper(new Jackson3JsonMapper());
        StorageProvider first = new JobRunrStorage().storageProvider(dataSource, mapper);
        List<String> applied = appliedMigrations(dataSource);
        assertThat(applied)
                .contains("v000__create_migrations_table.sql", "v016__alter_jobs_stats_add_awaiting_jobs.sql");
        first.close();

        StorageProvider second = new JobRunrStorage().storageProvider(dataSource, mapper);
        assertThat(appliedMigrations(dataSource)).isEqualTo(applied);
        assertThat(second.getJobStats().getEnqueued()).isZero();
        second.close();
    }

    private static List<String> appliedMigrations(DataSource dataSource) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs =
                        c.createStatement().executeQuery("select script from jobrunr_migrations order by script")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String nameAndSql(SqlMigration migration) {
        try {
            return migration.getFileName() + "\n" + migration.getMigrationSql();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
