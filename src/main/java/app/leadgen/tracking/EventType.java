package app.leadgen.tracking;

import java.util.Locale;

/** What happened to a sent mail; stored in lower case ({@code open}, {@code click}, …). */
public enum EventType {
    OPEN,
    CLICK,
    UNSUBSCRIBE,
    BOUNCE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
