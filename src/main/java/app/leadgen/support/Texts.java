package app.leadgen.support;

/** The small string helpers every module needs; one copy, so they all cut and test blanks the same way. */
public final class Texts {

    private Texts() {}

    /** True for null, empty and whitespace-only strings. */
    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * At most {@code max} characters of {@code s} (null stays null). Never cuts a surrogate pair in
     * half, so an emoji at the limit is dropped instead of becoming an unpaired half.
     */
    public static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@link #clip} of the stripped text (null stays null): for values stored in sized columns. */
    public static String stripped(String s, int max) {
        return s == null ? null : clip(s.strip(), max);
    }
}
