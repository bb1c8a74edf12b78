package app.leadgen.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits names as people write them in spreadsheets: „Dr. Hans-Peter Müller" (title Dr., first
 * Hans-Peter, last Müller), „Müller, Anna", „Herr Max Mustermann", „Anna von der Heide",
 * „HANS MÜLLER" (capitalised), „Hans Müller - Müller GmbH" and „Bäckerei Schmidt, Inh. Karl
 * Schmidt" (a person and a company). Text that looks like more than a name and has no separator the
 * rules understand is left whole and marked {@link PersonName#unsplit()}, for the LLM.
 */
final class Names {

    private static final Set<String> SALUTATIONS =
            Set.of("herr", "frau", "hr", "fr", "mr", "mrs", "ms", "miss", "mx", "sir", "madame", "monsieur", "mme");
    /** Titles written before a name; those also used as words need their dot ({@code med.}). */
    private static final Set<String> TITLES = Set.of("dr", "prof", "professor", "dres", "dipl", "mag", "pd");

    private static final Set<String> DOTTED_TITLES = Set.of(
            "med", "dent", "vet", "rer", "nat", "phil", "jur", "oec", "pol", "habil", "h.c", "mult", "ing", "sc",
            "techn", "theol", "paed", "päd", "biol", "chem", "phys", "math", "pharm", "kfm", "kffr", "inf", "psych");
    private static final Set<String> DEGREES_AFTER = Set.of(
            "mba",
            "m.a",
            "b.a",
            "m.sc",
            "b.sc",
            "msc",
            "bsc",
            "phd",
            "ph.d",
            "ll.m",
            "llm",
            "ll.b",
            "m.eng",
            "b.eng",
            "mdb",
            "mdl",
            "jr",
            "sr",
            "ii",
            "iii",
            "iv",
            "(fh)",
            "dipl.-ing",
            "dipl.-kfm",
            "dipl.-kffr");
    static final Set<String> PARTICLES = Set.of(
            "von", "van", "de", "der", "den", "del", "della", "di", "da", "du", "zu", "zum", "zur", "ten", "ter", "vom",
            "la", "le", "dos", "das", "des", "el", "al", "bin", "ibn", "mac", "af", "av");

    private static final Pattern OWNER = Pattern.compile(
            "(?iu)^(.+?)[\\s,;:/|–-]+\\b(inh\\.|inhaber(?:in)?|gf\\.?|geschäftsführer(?:in)?|owner)\\s*:?\\s+(.+)$");
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-–—|/]\\s+|\\s*[,;]\\s*|\\s*\\(\\s*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Words that can introduce an owner in a company cell; the owner pattern only runs where one is. */
    private static final Pattern OWNER_WORD = Pattern.compile("(?iu)inh|gf|geschäftsf|owner");

    private static final Pattern NOT_A_NAME = Pattern.compile("[@0-9_#*=<>{}\\[\\]]");

    private Names() {}

    /** The name in one cell; {@link PersonName#NONE} for an empty cell. */
    static PersonName parse(String text) {
        if (text == null || text.isBlank()) {
            return PersonName.NONE;
        }
        String value = text.strip();
        if (NOT_A_NAME.matcher(value).find()) {
            return PersonName.unsplit(value);
        }
        if (Companies.looksLikeCompany(value)) {
            return withCompany(value);
        }
        int comma = value.indexOf(',');
        if (comma > 0 && comma == value.lastIndexOf(',')) {
            return reversed(value.substring(0, comma), value.substring(comma + 1));
        }
        if (comma > 0) {
            return PersonName.unsplit(value);
        }
        return person(tokens(value));
    }

    /**
     * A first- or last-name cell: leading titles split off ({@code Dr. Hans}), capitals given to a
     * shouted name ({@code MÜLLER}). The name is in {@code fullName}, the titles in {@code title}.
     */
    static PersonName part(String text) {
        if (text == null || text.isBlank()) {
            return PersonName.NONE;
        }
        List<String> tokens = tokens(text);
        int titles = leadingTitles(tokens);
        List<String> rest = tokens.subList(titles, tokens.size());
        List<String> words = NameCase.capitalised(rest, NameCase.shouting(String.join(" ", rest)), true);
        return new PersonName(join(tokens.subList(0, titles)), null, null, join(words), null, null, false);
    }

    /**
     * A company cell that also names its owner ({@code Bäckerei Schmidt, Inh. Karl Schmidt}): the
     * company part, and the person with the role. Null when the cell names no owner.
     */
    static PersonName owner(String companyCell) {
        if (!OWNER_WORD.matcher(companyCell).find()) {
            return null;
        }
        Matcher m = OWNER.matcher(companyCell);
        if (!m.matches()) {
            return null;
        }
        PersonName person = parse(m.group(3));
        if (person.unsplit() || person.fullName() == null) {
            return null;
        }
        return person.withCompany(m.group(1).strip(), role(m.group(2)));
    }

    /** „Hans Müller - Müller GmbH", „Müller GmbH (Hans Müller)", „Bäckerei Schmidt, Inh. Karl Schmidt". */
    private static PersonName withCompany(String value) {
        PersonName owner = owner(value);
        if (owner != null) {
            return owner;
        }
        Matcher separator = SEPARATOR.matcher(value);
        if (separator.find()) {
            String left = value.substring(0, separator.start()).strip();
            String right =
                    value.substring(separator.end()).replaceAll("\\)\\s*$", "").strip();
            boolean leftCompany = Companies.looksLikeCompany(left);
            boolean rightCompany = Companies.looksLikeCompany(right);
            if (leftCompany != rightCompany && !left.isEmpty() && !right.isEmpty()) {
                PersonName person = person(tokens(leftCompany ? right : left));
                if (!person.unsplit() && person.fullName() != null) {
                    return person.withCompany(leftCompany ? left : right, null);
                }
            }
        }
        return PersonName.companyOnly(value);
    }

    /** „Müller, Anna", „Müller, Dr. Anna", or „Anna Müller, MBA" (a degree after the comma). */
    private static PersonName reversed(String before, String after) {
        List<String> afterTokens = tokens(after);
        if (!afterTokens.isEmpty() && afterTokens.stream().allMatch(Names::degreeAfter)) {
            List<String> all = tokens(before);
            all.addAll(afterTokens);
            return person(all);
        }
        List<String> beforeTokens = tokens(before);
        int titlesBefore = leadingTitles(beforeTokens);
        List<String> last = beforeTokens.subList(titlesBefore, beforeTokens.size());
        int titlesAfter = leadingTitles(afterTokens);
        List<String> first = afterTokens.subList(titlesAfter, afterTokens.size());
        if (last.isEmpty() || last.size() > 3 || first.isEmpty() || first.size() > 3) {
            return PersonName.unsplit((before + ", " + after).strip());
        }
        List<String> titles = new ArrayList<>(beforeTokens.subList(0, titlesBefore));
        titles.addAll(afterTokens.subList(0, titlesAfter));
        boolean shout = NameCase.shouting(String.join(" ", last) + " " + String.join(" ", first));
        return name(
                join(titles),
                null,
                join(NameCase.capitalised(first, shout, false)),
                join(NameCase.capitalised(last, shout, true)));
    }

    private static PersonName person(List<String> tokens) {
        int titles = leadingTitles(tokens);
        int end = tokens.size();
        while (end > titles && degreeAfter(tokens.get(end - 1))) {
            end--;
        }
        String title = join(tokens.subList(0, titles));
        String degrees = join(tokens.subList(end, tokens.size()));
        List<String> name = tokens.subList(titles, end);
        boolean shout = NameCase.shouting(String.join(" ", name));
        List<String> words = NameCase.capitalised(name, shout, false);
        if (words.size() > 4) {
            return PersonName.unsplit(String.join(" ", tokens));
        }
        if (words.isEmpty()) {
            return title == null && degrees == null ? PersonName.NONE : name(title, degrees, null, null);
        }
        if (words.size() == 1) {
            boolean salutation = titles > 0 && SALUTATIONS.contains(key(tokens.get(0)));
            return salutation
                    ? name(title, degrees, null, words.get(0))
                    : new PersonName(joinTitles(title, degrees), null, null, words.get(0), null, null, false);
        }
        int particle = 1;
        while (particle < words.size() - 1
                && !PARTICLES.contains(words.get(particle).toLowerCase(Locale.ROOT))) {
            particle++;
        }
        int lastStart = particle < words.size() - 1 ? particle : words.size() - 1;
        return name(title, degrees, join(words.subList(0, lastStart)), join(words.subList(lastStart, words.size())));
    }

    private static PersonName name(String title, String degrees, String first, String last) {
        String full = first == null ? last : last == null ? first : first + " " + last;
        return new PersonName(joinTitles(title, degrees), first, last, full, null, null, false);
    }

    private static int leadingTitles(List<String> tokens) {
        int i = 0;
        while (i < tokens.size() - 1 && title(tokens.get(i))) {
            i++;
        }
        return i;
    }

    static boolean title(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        String key = key(token);
        if (SALUTATIONS.contains(key) || TITLES.contains(key)) {
            return true;
        }
        if (lower.startsWith("dr.")
                || lower.startsWith("dr-")
                || lower.startsWith("dipl.")
                || lower.startsWith("dipl-")
                || lower.startsWith("prof.")) {
            return true;
        }
        return lower.endsWith(".") && DOTTED_TITLES.contains(key);
    }

    private static boolean degreeAfter(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        int end = lower.length();
        while (end > 0 && (lower.charAt(end - 1) == '.' || lower.charAt(end - 1) == ',')) {
            end--;
        }
        lower = lower.substring(0, end);
        return DEGREES_AFTER.contains(lower);
    }

    private static String role(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        if (lower.startsWith("inh")) {
            return lower.equals("inhaberin") ? "Inhaberin" : "Inhaber";
        }
        if (lower.startsWith("gf") || lower.startsWith("geschäftsführer")) {
            return lower.endsWith("in") ? "Geschäftsführerin" : "Geschäftsführer";
        }
        return "Owner";
    }

    private static List<String> tokens(String text) {
        String value = text.strip();
        return value.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(WHITESPACE.split(value)));
    }

    private static String key(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static String join(List<String> words) {
        return words.isEmpty() ? null : String.join(" ", words);
    }

    private static String joinTitles(String title, String degrees) {
        if (degrees == null) {
            return title;
        }
        return title == null ? degrees : title + ", " + degrees;
    }
}
