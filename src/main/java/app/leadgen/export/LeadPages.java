package app.leadgen.export;

import app.leadgen.leads.LeadQuery;
import app.leadgen.leads.LeadRow;
import app.leadgen.leads.LeadSort;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every lead matching a filter, one database page at a time, so an export of any size holds
 * one page in memory. All pages are read in one read-only REPEATABLE READ transaction: a run that
 * adds leads meanwhile would otherwise shift the offsets, and rows would appear twice or not at all.
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

    /** Hands the matching rows to {@code consumer} page by page, in the sort order. */
    void forEachPage(Long runId, LeadSort sort, Consumer<List<LeadRow>> consumer) {
        forEachPage(runId, null, sort, consumer);
    }

    /** As above, only leads of {@code source} (null: all). */
    void forEachPage(Long runId, String source, LeadSort sort, Consumer<List<LeadRow>> consumer) {
        snapshot.executeWithoutResult(status -> {
            for (int page = 0; ; page++) {
                List<LeadRow> rows = query.page(runId, source, page, pageSize, sort.field(), sort.ascending())
                        .items();
                if (!rows.isEmpty()) {
                    consumer.accept(rows);
                }
                if (rows.size() < pageSize) {
                    return;
                }
            }
        });
    }
}
