package app.leadgen.qualification;

import java.util.List;

/**
 * A score with its explanation: {@code total} is the sum of the reasons' points, kept within
 * 0–100, and {@code reasons} are the rules that fired, in table order.
 */
public record Score(int total, List<Reason> reasons) {

    /** One fired rule: its id (e.g. {@code no-website}) and the points it gave. */
    public record Reason(String rule, int points) {}

    public Score {
        reasons = List.copyOf(reasons);
    }
}
