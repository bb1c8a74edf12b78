package app.leadgen.suppressions;

import app.leadgen.book.Keys;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The forms entries are stored and looked up in: e-mails as the lead book writes them, domains in lower-case Unicode. */
final class Addresses {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Addresses() {}

    /** Trimmed, lower case, the domain in Unicode; empty unless it is one plausible address. */
    static Optional<String> email(String raw) {
        return Keys.email(raw).filter(e -> !e.contains(" ") && !e.contains(","));
    }

    /**
     * A domain typed by a person or read from a file: {@code @Example.DE}, {@code *.example.de} and
     * {@code example.de.} all become {@code example.de}; IDN in Unicode ({@code bäckerei.de}). Empty
     * unless every label is a valid host label and there are at least two.
     */
    static Optional<String> domain(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        value = value.replaceFirst("^@", "").replaceFirst("^\\*\\.", "").replaceFirst("\\.$", "");
        if (value.isEmpty() || value.length() > 253 || !value.contains(".")) {
            return Optional.empty();
        }
        try {
            String ascii = IDN.toASCII(value, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            for (String label : ascii.split("\\.", -1)) {
                if (!LABEL.matcher(label).matches()) {
                    return Optional.empty();
                }
            }
            return Optional.of(IDN.toUnicode(ascii).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The domain of a normalised address and every parent with at least two labels: a.b.de → a.b.de, b.de. */
    static List<String> domainsOf(String normalisedEmail) {
        String domain = normalisedEmail.substring(normalisedEmail.indexOf('@') + 1);
        List<String> all = new ArrayList<>();
        while (domain.contains(".")) {
            all.add(domain);
            domain = domain.substring(domain.indexOf('.') + 1);
        }
        return all;
    }
}
