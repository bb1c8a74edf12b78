package app.leadgen.imports;

import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The optional LLM step after {@link RowParser}: rows whose name the rules left whole (warning
 * {@code name-unsplit}: „Karl Schmidt Bäckerei Schmidt", a person and a company in one cell without
 * a separator) are sent to the LLM in batches of {@code IMPORT_NAME_BATCH_SIZE} (20), and their
 * names, company and role are filled from its answer. A row rejected for lack of identity that now
 * has a name and a company is accepted. Rows that need nothing pass through untouched and cost
 * nothing; without an LLM ({@link #available()} false) or when a call fails, rows stay as they are.
 *
 * <p>Use: collect parsed rows in chunks (say 200), {@code rows = refiner.refine(rows)}, then store them.
 */
@Component
public class NameRefiner {

    static final String UNSPLIT = "name-unsplit";

    private static final Logger log = LoggerFactory.getLogger(NameRefiner.class);

    private final NameSplitter splitter;
    private final int batchSize;

    @Autowired
    NameRefiner(LlmNameSplitter splitter, ImportProperties properties) {
        this((NameSplitter) splitter, properties.nameBatchSize());
    }

    NameRefiner(NameSplitter splitter, int batchSize) {
        this.splitter = splitter;
        this.batchSize = Math.max(1, batchSize);
    }

    public boolean available() {
        return splitter.available();
    }

    /** {@code llm:<model>}, the source of the values this step fills. */
    public String source() {
        return splitter.source();
    }

    /** The rows in the same order, those with an unsplit name split where the LLM could. */
    public List<ParsedRow> refine(List<ParsedRow> rows) {
        if (!available()) {
            return rows;
        }
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (unsplit(rows.get(i))) {
                pending.add(i);
            }
        }
        if (pending.isEmpty()) {
            return rows;
        }
        List<ParsedRow> result = new ArrayList<>(rows);
        for (int from = 0; from < pending.size(); from += batchSize) {
            List<Integer> batch = pending.subList(from, Math.min(pending.size(), from + batchSize));
            List<String> texts =
                    batch.stream().map(i -> unsplitText(rows.get(i))).toList();
            List<PersonName> names;
            try {
                names = splitter.split(texts);
            } catch (ExternalServiceException e) {
                if (e.kind() == FailureKind.CANCELLED) {
                    throw e;
                }
                log.warn(
                        "name splitting by the LLM failed for {} rows, kept as they are: {} {}",
                        batch.size(),
                        e.kind(),
                        e.getMessage());
                continue;
            }
            for (int k = 0; k < batch.size(); k++) {
                int index = batch.get(k);
                result.set(index, SplitMerge.apply(rows.get(index), names.get(k)));
            }
        }
        return result;
    }

    private static boolean unsplit(ParsedRow row) {
        return unsplitText(row) != null;
    }

    /** The text of the row's {@code name-unsplit} warning: the cell as the rules left it. */
    static String unsplitText(ParsedRow row) {
        for (RowWarning warning : row.warnings()) {
            if (warning.code().equals(UNSPLIT) && warning.value() != null) {
                return warning.value();
            }
        }
        return null;
    }
}
