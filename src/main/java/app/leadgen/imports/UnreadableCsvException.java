package app.leadgen.imports;

/**
 * The file cannot be read on from here: almost always a quote that opens a field and is never
 * closed, so the rest of the file would be one field. Rows read before it are valid; the import
 * ends with what it has and this message ({@link #MESSAGE_KEY}).
 */
public class UnreadableCsvException extends RuntimeException {

    public static final String MESSAGE_KEY = "imports.file.unreadable";

    UnreadableCsvException(Throwable cause) {
        super("the CSV file cannot be read on: " + cause.getMessage(), cause);
    }
}
