package app.leadgen.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Capitals for names typed all in upper or all in lower case („HANS-PETER VON DER HEIDE"). */
final class NameCase {

    private NameCase() {}

    /** Whether the letters are all upper or all lower case: then the name gets capitals itself. */
    static boolean shouting(String text) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        return upper != lower && text.codePoints().filter(Character::isLetter).count() > 1;
    }

    /** @param particleFirst whether the words may start with a particle (a last name: „von der Heide") */
    static List<String> capitalised(List<String> words, boolean shout, boolean particleFirst) {
        if (!shout) {
            return words;
        }
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String lower = words.get(i).toLowerCase(Locale.ROOT);
            out.add((i > 0 || particleFirst) && Names.PARTICLES.contains(lower) ? lower : capitalise(lower));
        }
        return out;
    }

    /** Each part of „hans-peter" and „o'neil" starts with a capital. */
    private static String capitalise(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        boolean start = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            out.append(start ? Character.toTitleCase(c) : c);
            start = c == '-' || c == '\'' || c == '’';
        }
        return out.toString();
    }
}
