package app.leadgen.book;

import java.util.Locale;

/** Where a contact or company came from, for the {@code source} filter: the kind, not the detail. */
public enum Origin {
    INSTAGRAM,
    PLACES,
    CSV,
    USER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
