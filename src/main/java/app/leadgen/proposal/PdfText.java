package app.leadgen.proposal;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;

/**
 * Scraped and generated text made safe for the PDF's built-in fonts (Windows-1252, which has every
 * German letter, € and typographic quotes): control characters become spaces, what the code page
 * lacks is reduced to its base letter or dropped, words longer than a line are broken, and the whole
 * is capped so a page never overflows into a fifth.
 */
final class PdfText {

    static final int LONGEST_WORD = 60;
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private PdfText() {}

    static String clean(String text, int maxLength) {
        return clean(text, maxLength, LONGEST_WORD);
    }

    /** An address shown as text: not broken (the layout wraps it), capped. */
    static String url(String text, int maxLength) {
        return clean(text, maxLength, Integer.MAX_VALUE).replace('\n', ' ');
    }

    private static String clean(String text, int maxLength, int longestWord) {
        if (text == null) {
            return "";
        }
        CharsetEncoder encoder = CP1252.newEncoder();
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(Math.min(nfc.length(), maxLength + 16));
        int word = 0;
        for (int i = 0; i < nfc.length() && out.length() < maxLength; ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            String piece = piece(cp, encoder);
            for (int k = 0; k < piece.length(); k++) {
                char c = piece.charAt(k);
                if (c == '\n') {
                    word = 0;
                } else if (Character.isWhitespace(c)) {
                    c = ' ';
                    word = 0;
                } else if (++word > longestWord) {
                    out.append(' ');
                    word = 1;
                }
                out.append(c);
            }
        }
        String result = out.toString()
                .replaceAll("[ ]{2,}", " ")
                .replaceAll(" *\n *", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
        return out.length() >= maxLength ? result + " …" : result;
    }

    /** One line: no line breaks at all. */
    static String line(String text, int maxLength) {
        return clean(text, maxLength).replace('\n', ' ');
    }

    private static String piece(int cp, CharsetEncoder encoder) {
        if (cp == '\n' || cp == '\u2028' || cp == '\u2029') {
            return "\n";
        }
        if (cp == '\r') {
            return "";
        }
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
            return " ";
        }
        String s = new String(Character.toChars(cp));
        if (encoder.canEncode(s)) {
            return s;
        }
        // é in decomposed form, ł, ő …: keep the base letter when the code page has it
        String base = Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("Ł", "L")
                .replace("ł", "l")
                .replace("Đ", "D")
                .replace("đ", "d")
                .replace("ı", "i");
        return !base.isEmpty() && encoder.canEncode(base) ? base : "";
    }
}
