package app.leadgen.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void blankIsNullEmptyOrWhitespace() {
        assertThat(Texts.blank(null)).isTrue();
        assertThat(Texts.blank("")).isTrue();
        assertThat(Texts.blank(" \t\n")).isTrue();
        assertThat(Texts.blank(" a ")).isFalse();
    }

    @Test
    void clipKeepsShortTextsAndNeverSplitsASurrogatePair() {
        assertThat(Texts.clip(null, 3)).isNull();
        assertThat(Texts.clip("abc", 3)).isEqualTo("abc");
        assertThat(Texts.clip("abcdef", 3)).isEqualTo("abc");
        assertThat(Texts.clip("ab\uD83D\uDE00c", 3)).isEqualTo("ab");
    }

    @Test
    void promptsAreLoadedByNameWithoutSurroundingWhitespace() {
        String prompt = Prompts.load("enrichment/perplexity-user.txt");

        assertThat(prompt).contains("{username}").isEqualTo(prompt.strip());
        assertThatThrownBy(() -> Prompts.load("enrichment/missing.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing.txt");
    }
}
