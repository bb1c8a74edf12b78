package app.leadgen.qualification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Scores facts with the configured points and decides qualified or disqualified. */
@Component
public class Qualifier {

    private final Map<Rule, Integer> points = new EnumMap<>(Rule.class);
    private final int threshold;
    private final double minRating;

    /** Fails at start-up on an unknown rule id, so a typo in configuration does not go unnoticed. */
    public Qualifier(QualificationProperties properties) {
        for (String id : properties.points().keySet()) {
            if (Rule.byId(id).isEmpty()) {
                throw new IllegalArgumentException("leadgen.qualification.points." + id + ": no such rule; known: "
                        + Arrays.stream(Rule.values()).map(Rule::id).toList());
            }
        }
        for (Rule rule : Rule.values()) {
            points.put(rule, properties.points().getOrDefault(rule.id(), rule.defaultPoints()));
        }
        this.threshold = properties.threshold();
        this.minRating = properties.minRating();
    }

    public Score score(BusinessFacts facts) {
        List<Score.Reason> reasons = new ArrayList<>();
        int sum = 0;
        for (Rule rule : Rule.values()) {
            if (rule.fired(facts, minRating)) {
                int p = points.get(rule);
                reasons.add(new Score.Reason(rule.id(), p));
                sum += p;
            }
        }
        return new Score(Math.max(0, Math.min(100, sum)), reasons);
    }

    public Qualification qualify(BusinessFacts facts) {
        Score score = score(facts);
        return new Qualification(
                score, score.total() >= threshold ? Qualification.Status.QUALIFIED : Qualification.Status.DISQUALIFIED);
    }
}
