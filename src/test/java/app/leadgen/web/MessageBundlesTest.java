package app.leadgen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every UI text exists in German and English, and no argument is lost to MessageFormat quoting. */
class MessageBundlesTest {

    private static final Pattern ARG = Pattern.compile("\\{(\\d)}");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            try (var in = MessageBundlesTest.class.getResourceAsStream("/" + file)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                        keys.add(line.substring(0, line.indexOf('=')).strip());
                    }
                }
            }
            assertThat(keys).as(file).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyArgumentSurvivesFormatting() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                Matcher m = ARG.matcher(text);
                if (key.startsWith("js.") || !m.find()) {
                    continue; // the page's script fills {name} itself; texts without arguments are not formatted
                }
                String formatted = new MessageFormat(text, Locale.GERMAN).format(new Object[] {
                    "ARG0", "ARG1", "ARG2", "ARG3", "ARG4", "ARG5", "ARG6", "ARG7", "ARG8", "ARG9"
                });
                m.reset();
                while (m.find()) {
                    assertThat(formatted).as(file + " " + key).contains("ARG" + m.group(1));
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(
                MessageBundlesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
