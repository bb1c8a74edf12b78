package app.leadgen.leads;

import java.util.ArrayList;
import java.util.List;

/** One qualification rule that fired for a lead and the points it gave (the "warum 72?" of the table). */
public record ScoreReason(String rule, int points) {

    /** {@code rule:points,rule:points}, the stored form (rule ids contain neither ':' nor ','). */
    static String format(List<ScoreReason> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (ScoreReason r : reasons) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(r.rule().replace(",", "").replace(":", "")).append(':').append(r.points());
        }
        return out.toString();
    }

    /** Reads the stored form; unreadable parts are skipped. {@code null} stays {@code null} (not scored yet). */
    static List<ScoreReason> parse(String stored) {
        if (stored == null) {
            return null;
        }
        List<ScoreReason> reasons = new ArrayList<>();
        for (String part : stored.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            try {
                reasons.add(new ScoreReason(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1))));
            } catch (NumberFormatException ignored) {
                // not written by us: leave it out
            }
        }
        return List.copyOf(reasons);
    }
}
