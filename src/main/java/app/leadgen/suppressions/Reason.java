package app.leadgen.suppressions;

import java.util.Locale;
import java.util.Optional;

/** Why an address or domain gets no mail; stored and shown in lower case. */
public enum Reason {
    UNSUBSCRIBED,
    BOUNCED,
    COMPLAINED,
    FORGOTTEN,
    MANUAL;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Reason> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
