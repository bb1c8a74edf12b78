package app.leadgen.book;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of {@code contacts} or {@code companies} as a merge sees them: straight from the table
 * ({@link Table}, one merge at a time) or from a batch that read them all at once and writes them at
 * the end ({@link BatchRows}, the imports).
 */
interface Rows {

    Optional<Long> idWhere(String column, Object value);

    /** The row's data columns, or empty when it is gone. */
    Optional<Map<String, Object>> read(long id);

    long insert(Map<String, Object> values, Instant now);

    void update(long id, Map<String, Object> values, Instant now);
}
