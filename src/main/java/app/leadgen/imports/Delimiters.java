package app.leadgen.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses the delimiter from the first records of a file. For each candidate it counts the
 * delimiters outside quotes per record (a quoted field may hold delimiters and line breaks); the
 * delimiter of the file is the one that splits most records into the same number of fields, weighed
 * by that number. A German file with "Müller, Anna" in every row has one comma per record, very
 * consistently, but eleven semicolons: the semicolon wins. A file with a single column has no
 * delimiter at all and gets the comma.
 */
final class Delimiters {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int MAX_RECORDS = 50;

    private Delimiters() {}

    /** @param sample the start of the file as text; its last record may be cut off */
    static char guess(String sample, boolean truncated) {
        char best = ',';
        double bestScore = 0;
        for (char candidate : CANDIDATES) {
            double score = score(counts(sample, candidate, truncated));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** The modal count times the share of records that have it; a header with that count is worth a bit more. */
    private static double score(List<Integer> counts) {
        if (counts.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> frequency = new HashMap<>();
        for (int count : counts) {
            frequency.merge(count, 1, Integer::sum);
        }
        int mode = 0;
        int modeFrequency = 0;
        for (Map.Entry<Integer, Integer> e : frequency.entrySet()) {
            if (e.getKey() > 0
                    && (e.getValue() > modeFrequency || e.getValue() == modeFrequency && e.getKey() > mode)) {
                mode = e.getKey();
                modeFrequency = e.getValue();
            }
        }
        if (mode == 0) {
            return 0;
        }
        double consistency = (double) modeFrequency / counts.size();
        double headerBonus = counts.get(0) == mode ? 1.2 : 1.0;
        return consistency * mode * headerBonus;
    }

    /** Delimiters outside quotes per non-empty record; a doubled quote toggles twice and so changes nothing. */
    static List<Integer> counts(String text, char delimiter, boolean truncated) {
        List<Integer> counts = new ArrayList<>();
        boolean quoted = false;
        boolean content = false;
        int count = 0;
        for (int i = 0; i < text.length() && counts.size() < MAX_RECORDS; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                content = true;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (content) {
                    counts.add(count);
                }
                count = 0;
                content = false;
            } else {
                if (!quoted && c == delimiter) {
                    count++;
                }
                content |= !Character.isWhitespace(c) || c == delimiter;
            }
        }
        if (content && !truncated && counts.size() < MAX_RECORDS) {
            counts.add(count); // the last record, without a line break after it
        }
        return counts;
    }
}
