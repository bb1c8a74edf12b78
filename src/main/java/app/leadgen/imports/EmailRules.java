package app.leadgen.imports;

import app.leadgen.websites.ContactValues;
import java.net.IDN;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail cells: the websites module's syntax check (internationalised domains allowed) and its
 * placeholder list, plus the placeholders people type into forms and spreadsheets
 * ({@code test@test.de}, {@code max@mustermann.de}, {@code keine@…}, reserved test domains). The
 * address comes out trimmed, in lower case, with its domain in Unicode: the one form the lead book
 * compares ({@code info@xn--bckerei-mller-bfb28a.de} becomes {@code info@bäckerei-müller.de}, as the
 * websites module writes addresses found on pages).
 */
final class EmailRules {

    static final String INVALID = "invalid";
    static final String PLACEHOLDER = "placeholder";

    /** A cell may hold a display name ({@code Anna Müller <anna@firma.de>}) or several addresses. */
    private static final Pattern ANGLE = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

    /** RFC 2606/6761 names that never receive mail. */
    private static final Set<String> RESERVED_TLDS = Set.of("test", "example", "invalid", "localhost", "local");

    /** Second-level names that only stand for "some domain" (the websites module refuses these too). */
    private static final Set<String> PLACEHOLDER_NAMES = Set.of(
            "example",
            "beispiel",
            "domain",
            "yourdomain",
            "your-domain",
            "ihredomain",
            "ihre-domain",
            "deinedomain",
            "deine-domain",
            "musterdomain",
            "mustermann",
            "musterfirma",
            "muster",
            "test-domain",
            "beispieldomain",
            "beispiel-domain",
            "mustermail",
            "sample",
            "dummy",
            "yourcompany");

    /** Local parts that stand for "some person" or say "no address". */
    private static final Set<String> PLACEHOLDER_LOCALS = Set.of(
            "name",
            "ihre.email",
            "ihreemail",
            "ihre-email",
            "ihre.e-mail",
            "your.email",
            "youremail",
            "your-email",
            "you",
            "vorname.nachname",
            "vorname_nachname",
            "max.mustermann",
            "maxmustermann",
            "erika.mustermann",
            "keine",
            "kein",
            "keine-email",
            "keine.email",
            "keineemail",
            "noemail",
            "no-email",
            "no.email",
            "nomail",
            "no-mail",
            "none",
            "null",
            "unknown",
            "unbekannt",
            "dummy",
            "fake",
            "xxx",
            "asdf");

    /** {@code local@second-level} pairs of the usual form fillers. */
    private static final Set<String> PLACEHOLDER_PAIRS = Set.of(
            "test@test",
            "max@mustermann",
            "erika@mustermann",
            "mail@mail",
            "foo@bar",
            "a@b",
            "abc@abc",
            "abc@def",
            "x@x",
            "user@user",
            "test@test123",
            "test123@test",
            "email@email",
            "name@name");

    private EmailRules() {}

    /**
     * The cleaned address, or the reason there is none.
     *
     * @param problem {@link #INVALID} or {@link #PLACEHOLDER} when the cell had text but no usable address
     * @param more whether the cell held more than the one address taken (the first valid one)
     */
    record Result(String email, String problem, boolean more) {}

    static Result clean(String cell) {
        String text = Cells.line(cell);
        if (text == null) {
            return new Result(null, null, false);
        }
        List<String> candidates = candidates(text);
        String problem = null;
        for (String candidate : candidates) {
            if (placeholder(candidate)) {
                problem = problem == null ? PLACEHOLDER : problem;
                continue;
            }
            Optional<String> valid = ContactValues.email(candidate);
            if (valid.isPresent()) {
                return new Result(unicodeDomain(valid.get()), null, candidates.size() > 1);
            }
            problem = INVALID;
        }
        return new Result(null, problem == null ? INVALID : problem, false);
    }

    private static List<String> candidates(String text) {
        Matcher angle = ANGLE.matcher(text);
        if (angle.find()) {
            return List.of(angle.group(1));
        }
        String value = text.startsWith("'") ? text.substring(1).strip() : text; // Excel's "keep as text" mark
        if (value.indexOf('@') != value.lastIndexOf('@')) {
            return Arrays.stream(SEPARATORS.split(value))
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        return List.of(value);
    }

    static boolean placeholder(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:")) {
            lower = lower.substring(7);
        }
        int at = lower.lastIndexOf('@');
        if (at <= 0 || at == lower.length() - 1) {
            return false; // no address at all: the syntax check says so
        }
        String local = lower.substring(0, at);
        String[] labels = lower.substring(at + 1).split("\\.");
        String tld = labels[labels.length - 1];
        String name = labels.length >= 2 ? labels[labels.length - 2] : labels[0];
        return RESERVED_TLDS.contains(tld)
                || PLACEHOLDER_NAMES.contains(name)
                || PLACEHOLDER_LOCALS.contains(local)
                || PLACEHOLDER_PAIRS.contains(local + "@" + name);
    }

    /** The domain in Unicode, so punycode and Unicode spellings of one address are one address. */
    private static String unicodeDomain(String address) {
        int at = address.lastIndexOf('@');
        String domain = address.substring(at + 1);
        if (!domain.contains("xn--")) {
            return address;
        }
        try {
            return address.substring(0, at + 1)
                    + IDN.toUnicode(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return address;
        }
    }
}
