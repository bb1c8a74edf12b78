package app.leadgen.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    @Test
    void theExampleKeyOfDotEnvExampleIsRefusedWithAMessageThatNamesTheSetting() throws IOException {
        // read from the file people copy, so the check cannot drift away from it
        String example = Files.readAllLines(Path.of(".env.example")).stream()
                .filter(l -> l.startsWith("SECRET_KEY="))
                .map(l -> l.substring("SECRET_KEY=".length()).strip())
                .findFirst()
                .orElseThrow();
        assertThat(example).isNotBlank();

        for (String configured : new String[] {example, " " + example + " "}) {
            assertThatThrownBy(() -> new SecretBox(configured))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SECRET_KEY")
                    .hasMessageContaining(".env.example")
                    .hasMessageNotContaining(example);
        }
    }

    @Test
    void aRealKeyOpensWhatItSealedAndNothingSealedUnderAnotherKey() {
        SecretBox box = new SecretBox("a-long-random-string-of-our-own");
        String sealed = box.seal("IGSESSION-42");

        assertThat(sealed).doesNotContain("IGSESSION");
        assertThat(box.open(sealed)).isEqualTo("IGSESSION-42");
        assertThat(new SecretBox("a-long-random-string-of-our-own").open(sealed))
                .isEqualTo("IGSESSION-42");
        assertThat(new SecretBox("another-key").open(sealed)).isNull();
        assertThat(new SecretBox("").open(sealed)).as("random key per start").isNull();
    }
}
