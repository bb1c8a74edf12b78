package app.leadgen.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.Finding;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's de-duplication utility: unique {hashtag, username} pairs, key hashtag|username. */
class HashtagFlattenerTest {

    @Test
    void flattensPostsOfEveryHashtagIntoUniquePairs() {
        List<Finding> findings = HashtagFlattener.flatten(List.of(
                new HashtagHit("fitness", 10L, List.of("anna", "ben", "anna")),
                new HashtagHit("fitnessberlin", 5L, List.of("anna", "carl"))));

        assertThat(findings)
                .extracting(Finding::key)
                .containsExactly("fitness|anna", "fitness|ben", "fitnessberlin|anna", "fitnessberlin|carl");
    }

    @Test
    void comparesUsernamesCaseInsensitivelyAndIgnoresAtSignsAndSpaces() {
        List<Finding> findings = HashtagFlattener.flatten(
                List.of(new HashtagHit("yoga", null, List.of("Anna_Yoga", "anna_yoga", " @ANNA_YOGA "))));

        assertThat(findings).containsExactly(new Finding("yoga", "anna_yoga"));
    }

    @Test
    void skipsPostsWithoutOwnerAndHashtagsWithoutName() {
        List<Finding> findings = HashtagFlattener.flatten(Arrays.asList(
                new HashtagHit("yoga", 1L, Arrays.asList(null, "", "  ", "anna")),
                new HashtagHit(null, 1L, List.of("ben")),
                new HashtagHit(" ", 1L, List.of("carl")),
                new HashtagHit("pilates", 1L, null),
                null));

        assertThat(findings).containsExactly(new Finding("yoga", "anna"));
    }

    @Test
    void theSameUserUnderTwoHashtagsIsTwoFindingsButOneUsername() {
        List<Finding> findings = HashtagFlattener.flatten(
                List.of(new HashtagHit("a", 1L, List.of("x", "y")), new HashtagHit("b", 1L, List.of("Y", "z"))));

        assertThat(findings).hasSize(4);
        assertThat(HashtagFlattener.usernames(findings)).containsExactly("x", "y", "z");
    }

    @Test
    void emptyInputGivesNoFindings() {
        assertThat(HashtagFlattener.flatten(List.of())).isEmpty();
    }
}
