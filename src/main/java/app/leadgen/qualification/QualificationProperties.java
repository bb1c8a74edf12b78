package app.leadgen.qualification;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code QUALIFICATION_*} settings.
 *
 * @param threshold a score at or above it qualifies ({@code QUALIFICATION_THRESHOLD}, 50)
 * @param minRating the "good rating" rule's minimum (4.0)
 * @param points points per rule id ({@code no-website}, …); missing ids keep the spec's default
 */
@ConfigurationProperties("leadgen.qualification")
public record QualificationProperties(int threshold, double minRating, Map<String, Integer> points) {

    public QualificationProperties {
        points = points == null ? Map.of() : Map.copyOf(points);
    }

    /** The spec's values: threshold 50, rating 4.0, the table's points. */
    public static QualificationProperties spec() {
        return new QualificationProperties(50, 4.0, Map.of());
    }
}
