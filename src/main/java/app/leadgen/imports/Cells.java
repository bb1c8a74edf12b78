package app.leadgen.imports;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cell text as the lead book keeps it: Unicode in composed form (a Mac export writes "ü" as "u" and
 * a combining mark, which would never match the "ü" typed elsewhere), stripped, and {@code null}
 * for cells of a mapped field that only say there is nothing ({@code -}, {@code n/a}, {@code k.A.},
 * Excel's {@code #NV}). Cells are never evaluated: {@code =SUM(A1)} stays that text, and exports
 * guard it.
 */
final class Cells {

    static final int MAX_SHORT = 500;
    static final int MAX_LONG = 10_000;

    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\\u00A0]+");

    private static final Set<String> NOTHING = Set.of(
            "-",
            "--",
            "---",
            "–",
            "—",
            ".",
            "?",
            "/",
            "n/a",
            "n.a.",
            "na",
            "k.a.",
            "k. a.",
            "keine angabe",
            "keine",
            "kein",
            "none",
            "null",
            "nil",
            "unknown",
            "unbekannt",
            "#n/a",
            "#nv",
            "#na",
            "#value!",
            "#wert!",
            "#ref!",
            "#bezug!",
            "#name?",
            "#div/0!");

    private Cells() {}

    /** The cell as one line: whitespace runs (line breaks too) become one space. Null for nothing. */
    static String line(String cell) {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean doubleSpace = c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ';
            if (doubleSpace || c != ' ' && (Character.isWhitespace(c) || c == '\u00A0')) {
                return WHITESPACE_RUN.matcher(text).replaceAll(" ");
            }
        }
        return text;
    }

    /** The cell stripped, in NFC, line breaks kept; null for an empty cell or one that says "nothing". */
    static String text(String cell) {
        String text = kept(cell);
        if (text == null || text.length() <= 14 && NOTHING.contains(text.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return text;
    }

    /** A custom field's value: stripped and in NFC, null only when empty; "-" stays, it may mean something. */
    static String kept(String cell) {
        if (cell == null) {
            return null;
        }
        String text = cell.strip();
        if (text.isEmpty()) {
            return null;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
