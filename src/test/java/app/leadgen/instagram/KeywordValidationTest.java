package app.leadgen.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.leadgen.support.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordValidationTest {

    @Test
    void trimsAndDropsLeadingHashSigns() {
        assertThat(Keywords.valid("  ##Fitness Berlin ")).isEqualTo("Fitness Berlin");
        assertThat(Keywords.valid("café")).isEqualTo("café");
    }

    @Test
    void acceptsExactlyOneHundredCharacters() {
        assertThat(Keywords.valid("a".repeat(100))).hasSize(100);
        assertThatThrownBy(() -> Keywords.valid("a".repeat(101)))
                .isInstanceOf(ApiProblem.class)
                .hasFieldOrPropertyWithValue("detailMessageCode", "problem.runs.keyword-long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "#", "\t"})
    void blank(String keyword) {
        assertThatThrownBy(() -> Keywords.valid(keyword)).isInstanceOf(ApiProblem.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fit\u0000ness", "a\nb", "<script>", "x>y"})
    void malformed(String keyword) {
        assertThatThrownBy(() -> Keywords.valid(keyword))
                .isInstanceOf(ApiProblem.class)
                .hasFieldOrPropertyWithValue("detailMessageCode", "problem.runs.keyword-malformed");
    }
}
