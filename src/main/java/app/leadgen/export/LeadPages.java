package app.leadgen.export;

import app.leadgen.leads.LeadQuery;
import app.leadgen.leads.LeadRow;
import app.leadgen.leads.LeadSort;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every lead matching a filter with one query, {@code page-size} rows per fetch, inside one
 * read-only transaction: one statement sees one snapshot (a run adding leads meanwhile neither
 * shifts nor repeats rows), and PostgreSQL sends a fetch-sized part at a time only inside a
 * transaction. Rows are handed on in chunks of {@code page-size}; the downloads write them to a
 * spool file, so the transaction ends before the slowest client has read anything.
 */
@Component
class LeadPages {

    private final LeadQuery query;
    private final TransactionTemplate snapshot;
    private final int pageSize;

    LeadPages(LeadQuery query, PlatformTransactionManager transactions, ExportProperties properties) {
        this.query = query;
        this.pageSize = properties.pageSize();
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Hands the matching rows to {@code consumer} in chunks, in the sort order. */
    void forEachPage(Long runId, LeadSort sort, Consumer<List<LeadRow>> consumer) {
        forEachPage(runId, null, sort, consumer);
    }

    /** As above, only leads of {@code source} (null: all). */
    void forEachPage(Long runId, String source, LeadSort sort, Consumer<List<LeadRow>> consumer) {
        snapshot.executeWithoutResult(status -> {
            List<LeadRow> chunk = new ArrayList<>(pageSize);
            query.stream(runId, source, sort.field(), sort.ascending(), pageSize, row -> {
                chunk.add(row);
                if (chunk.size() == pageSize) {
                    consumer.accept(List.copyOf(chunk));
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                consumer.accept(List.copyOf(chunk));
            }
        });
    }
}
