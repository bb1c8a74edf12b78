package app.leadgen.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.qualification.BusinessFacts.Website;
import app.leadgen.testing.AppProperties;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualificationPropertiesTest {

    @Test
    void applicationPropertiesHoldTheSpecTable() {
        QualificationProperties p =
                AppProperties.bind("leadgen.qualification", QualificationProperties.class, Map.of());
        assertThat(p.threshold()).isEqualTo(50);
        assertThat(p.minRating()).isEqualTo(4.0);
        // every rule is listed under its id, with the spec's points
        assertThat(p.points())
                .containsOnlyKeys(Arrays.stream(Rule.values()).map(Rule::id).toList());
        for (Rule rule : Rule.values()) {
            assertThat(p.points()).containsEntry(rule.id(), rule.defaultPoints());
        }
        new Qualifier(p); // accepts every key
    }

    @Test
    void environmentVariablesOverride() {
        QualificationProperties p = AppProperties.bind(
                "leadgen.qualification",
                QualificationProperties.class,
                Map.of("QUALIFICATION_THRESHOLD", "60", "QUALIFICATION_POINTS_NO_WEBSITE", "55"));
        Qualification q = new Qualifier(p).qualify(new BusinessFacts(Website.NONE, false, true, null, false));
        assertThat(q.score().total()).isEqualTo(55);
        assertThat(q.status()).isEqualTo(Qualification.Status.DISQUALIFIED);
    }
}
