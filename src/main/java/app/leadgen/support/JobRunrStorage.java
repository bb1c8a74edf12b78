package app.leadgen.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.SqlStorageProvider;
import org.jobrunr.storage.sql.common.DatabaseCreator;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.storage.sql.common.migrations.SqlMigration;
import org.jobrunr.storage.sql.common.migrations.SqlMigrationByZipEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JobRunr's storage on the app's database, with JobRunr's own table migrations, as its Spring Boot
 * starter would set it up, except for how the migration files are found. JobRunr lists them by
 * opening the jar they are in as a zip file system, which indexes every entry: in
 * target/leadgen.jar, where every library is one jar, that is 95,000 entries, about 0.7 s of the
 * start and 15 MB of heap (docs/benchmarks.md "Start-up time and memory"). Here the two folders
 * JobRunr reads (its common migrations and those of the database at hand, the latter winning for the
 * same file name) are listed by name and each file is read as a class path resource.
 */
@Configuration(proxyBeanMethods = false)
class JobRunrStorage {

    @Bean(name = "storageProvider", destroyMethod = "close")
    StorageProvider storageProvider(DataSource dataSource, JobMapper jobMapper) {
        StorageProvider storage = SqlStorageProviderFactory.using(dataSource, null, DatabaseOptions.NO_VALIDATE);
        new Tables(dataSource, ((SqlStorageProvider) storage).getClass()).runMigrations();
        storage.setJobMapper(jobMapper);
        return storage;
    }

    static final class Tables extends DatabaseCreator {

        private final Class<? extends SqlStorageProvider> storageType;

        Tables(DataSource dataSource, Class<? extends SqlStorageProvider> storageType) {
            super(dataSource, null, storageType);
            this.storageType = storageType;
        }

        @Override
        protected Stream<SqlMigration> getMigrations() {
            Map<String, SqlMigration> byName = new TreeMap<>();
            migrationsBeside(DatabaseCreator.class).forEach(m -> byName.put(m.getFileName(), m));
            migrationsBeside(storageType).forEach(m -> byName.put(m.getFileName(), m));
            return byName.values().stream().sorted(Comparator.comparing(SqlMigration::getFileName));
        }

        /** The .sql files in the folder {@code migrations} of the class's package. */
        static List<SqlMigration> migrationsBeside(Class<?> type) {
            String folder = type.getPackageName().replace('.', '/') + "/migrations/";
            List<SqlMigration> migrations = new ArrayList<>();
            for (String name : fileNames(type, folder)) {
                migrations.add(new SqlMigrationByZipEntry(name, read(type, folder + name)));
            }
            return migrations;
        }

        private static List<String> fileNames(Class<?> type, String folder) {
            try {
                Path location = Path.of(
                        type.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(location)) {
                    Path dir = location.resolve(folder);
                    if (!Files.isDirectory(dir)) {
                        return List.of();
                    }
                    try (Stream<Path> files = Files.list(dir)) {
                        return files.map(f -> f.getFileName().toString())
                                .filter(n -> n.endsWith(".sql"))
                                .toList();
                    }
                }
                try (JarFile jar = new JarFile(location.toFile())) {
                    return jar.stream()
                            .map(e -> e.getName())
                            .filter(n ->
                                    n.startsWith(folder) && n.endsWith(".sql") && n.indexOf('/', folder.length()) < 0)
                            .map(n -> n.substring(folder.length()))
                            .toList();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("JobRunr's location is no file: " + e.getMessage(), e);
            }
        }

        private static String read(Class<?> type, String resource) {
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("JobRunr migration missing: " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
