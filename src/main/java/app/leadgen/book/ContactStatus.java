package app.leadgen.book;

import java.util.Locale;

/**
 * A contact's place in the lifecycle of seed 002 §6: {@code discovered → qualified → email_sent →
 * opened → clicked → replied → converted}, or off the path: {@code disqualified | bounced |
 * unsubscribed}. Discovery and qualification set the first ones; outreach the rest.
 */
public enum ContactStatus {
    DISCOVERED,
    QUALIFIED,
    DISQUALIFIED,
    EMAIL_SENT,
    OPENED,
    CLICKED,
    REPLIED,
    CONVERTED,
    BOUNCED,
    UNSUBSCRIBED;

    /** {@code discovered}, {@code email_sent}, …: the form stored and shown. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactStatus of(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
