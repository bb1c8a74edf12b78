package app.leadgen.imports;

import java.util.List;

/**
 * Writes a record back as one CSV line in the file's delimiter, for the list of rejected lines.
 * Fields are quoted only when they must be (delimiter, quote, line break); quotes are doubled.
 */
final class RawWriter {

    private final char delimiter;
    private final StringBuilder line = new StringBuilder(256);

    RawWriter(char delimiter) {
        this.delimiter = delimiter;
    }

    String write(List<String> fields) {
        line.setLength(0);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            append(fields.get(i));
        }
        return line.toString();
    }

    private void append(String field) {
        if (!needsQuotes(field)) {
            line.append(field);
            return;
        }
        line.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
