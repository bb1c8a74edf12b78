package app.leadgen.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a CSV file is written: its character set, whether it starts with a byte order mark, and the
 * field delimiter ({@code ,} {@code ;} tab or {@code |}). Quotes are always {@code "}.
 */
public record CsvFormat(Charset charset, boolean bom, char delimiter) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The encoding as the API and the UI name it: UTF-8, UTF-8 (BOM), UTF-16LE, UTF-16BE, Windows-1252. */
    public String encodingName() {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return bom ? "UTF-8 (BOM)" : "UTF-8";
        }
        if (charset.equals(WINDOWS_1252)) {
            return "Windows-1252";
        }
        return charset.name(); // UTF-16LE, UTF-16BE
    }

    /** The delimiter as a word for the API: {@code ,} {@code ;} {@code |} or {@code tab}. */
    public String delimiterName() {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    /**
     * The format again from its {@link #encodingName()} and {@link #delimiterName()}, as an import
     * stored them.
     *
     * @throws IllegalArgumentException for a name this class does not give
     */
    public static CsvFormat of(String encodingName, String delimiterName) {
        char delimiter =
                switch (delimiterName) {
                    case "tab", "\t" -> '\t';
                    case ",", ";", "|" -> delimiterName.charAt(0);
                    default -> throw new IllegalArgumentException("unknown delimiter " + delimiterName);
                };
        return switch (encodingName.toUpperCase(Locale.ROOT)) {
            case "UTF-8" -> new CsvFormat(StandardCharsets.UTF_8, false, delimiter);
            case "UTF-8 (BOM)" -> new CsvFormat(StandardCharsets.UTF_8, true, delimiter);
            case "UTF-16LE" -> new CsvFormat(StandardCharsets.UTF_16LE, true, delimiter);
            case "UTF-16BE" -> new CsvFormat(StandardCharsets.UTF_16BE, true, delimiter);
            case "WINDOWS-1252" -> new CsvFormat(WINDOWS_1252, false, delimiter);
            default -> throw new IllegalArgumentException("unknown encoding " + encodingName);
        };
    }

    /** Bytes of the byte order mark at the start of the file (0 without one). */
    int bomLength() {
        if (!bom) {
            return 0;
        }
        return charset.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }
}
