package app.leadgen.websites.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Undoes the ways people hide an address from harvesters in visible text: {@code info [at] firma
 * [dot] de}, {@code info(at)firma.de}, {@code info{ät}firma(punkt)de}, {@code info @ firma.de}, and
 * the spelled-out {@code info at firma dot de}. The spelled-out form needs at least one "dot" or
 * "punkt" after the "at", so ordinary sentences with "at" stay as they are.
 */
final class Obfuscations {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern AT_IN_BRACKETS = Pattern.compile("\\s*[\\[({<]\\s*(?:at|ät|@)\\s*[\\])}>]\\s*", FLAGS);
    private static final Pattern DOT_IN_BRACKETS =
            Pattern.compile("\\s*[\\[({<]\\s*(?:dot|punkt|\\.)\\s*[\\])}>]\\s*", FLAGS);
    private static final Pattern SPACED_AT = Pattern.compile("(?<=[A-Za-z0-9._%+-])\\s+@\\s+(?=[\\p{L}\\p{N}])");
    private static final Pattern SPELLED_OUT = Pattern.compile(
            "(?<![\\w.+-])([A-Za-z0-9._%+-]+)\\s+(?:at|ät)\\s+((?:[\\p{L}\\p{N}-]+\\s+(?:dot|punkt)\\s+)+[a-z]{2,24})(?![\\w])",
            FLAGS);
    private static final Pattern SPELLED_DOT = Pattern.compile("\\s+(?:dot|punkt)\\s+", FLAGS);

    private Obfuscations() {}

    static String undo(String text) {
        String t = AT_IN_BRACKETS.matcher(text).replaceAll("@");
        t = DOT_IN_BRACKETS.matcher(t).replaceAll(".");
        // the two slower patterns only where they can match at all (a third of the extraction time)
        if (t.indexOf('@') >= 0) {
            t = SPACED_AT.matcher(t).replaceAll("@");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.contains("dot") || lower.contains("punkt")) {
            t = SPELLED_OUT
                    .matcher(t)
                    .replaceAll(m ->
                            m.group(1) + "@" + SPELLED_DOT.matcher(m.group(2)).replaceAll("."));
        }
        return t;
    }
}
