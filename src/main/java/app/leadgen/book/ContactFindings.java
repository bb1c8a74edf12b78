package app.leadgen.book;

import java.time.Instant;
import java.util.List;

/**
 * The findings of runs behind a contact (an Instagram hashtag hit, a place found by a Places run):
 * a port of the lead book, implemented by the module that keeps the findings, so the contact page
 * can show where a person came from without the book knowing any source.
 */
public interface ContactFindings {

    /**
     * @param detail the hashtag of an Instagram finding, the name of a place
     */
    record Finding(long runId, String source, String detail, String keyword, Instant foundAt) {}

    List<Finding> of(long contactId);
}
