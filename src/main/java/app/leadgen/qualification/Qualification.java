package app.leadgen.qualification;

import java.util.Locale;

/** The verdict on a discovered lead: its score and whether it goes on to outreach. */
public record Qualification(Score score, Status status) {

    /** Spec §6: discovered → qualified | disqualified. */
    public enum Status {
        QUALIFIED,
        DISQUALIFIED;

        /** {@code qualified} / {@code disqualified}, as stored in a lead's status. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
