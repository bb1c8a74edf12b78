package app.leadgen.tracking;

import java.util.Locale;

/** What happened to a sent mail; stored in lower case ({@code open}, {@code click}, …). */
public enum EventType {
    OPEN,
    CLICK,
    UNSUBSCRIBE,
    BOUNCE,
    /** an answer in the mailbox's inbox (an automatic one, an out-of-office, is a machine event) */
    REPLY;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
