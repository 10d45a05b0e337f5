package dev.dsrdesk.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every language says everything: a key missing in one bundle would fall back to English mid-page. */
class MessageBundlesTest {

    /** The argument a placeholder reads: {1} and {1,choice,…} both read the second; a language may need more choices. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @ParameterizedTest(name = "messages_{0} has exactly the English keys")
    @ValueSource(strings = {"it", "pt_BR"})
    void everyTranslationHasExactlyTheEnglishKeys(String suffix) throws IOException {
        assertThat(bundle("messages_" + suffix).stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages").stringPropertyNames());
    }

    @ParameterizedTest(name = "{0}: no empty value, the same arguments as English")
    @ValueSource(strings = {"messages", "messages_it", "messages_pt_BR"})
    void everyValueIsWrittenWithTheEnglishPlaceholders(String name) throws IOException {
        Properties english = bundle("messages");
        Properties translation = bundle(name);
        for (String key : translation.stringPropertyNames()) {
            String value = translation.getProperty(key);
            assertThat(value).as("%s in %s", key, name).isNotBlank().doesNotContain("TODO");
            assertThat(arguments(value)).as("arguments of %s in %s", key, name)
                    .isEqualTo(arguments(english.getProperty(key)));
            if (!key.startsWith("format.") && !arguments(value).isEmpty()) {
                assertThatCode(() -> new MessageFormat(value)).as("%s in %s is a MessageFormat pattern", key, name)
                        .doesNotThrowAnyException();
            }
        }
    }

    /** MessageFormat drops a plain apostrophe from a message with arguments; the bundles write ’ instead. */
    @ParameterizedTest(name = "{0}: no plain apostrophe outside date patterns")
    @ValueSource(strings = {"messages", "messages_it", "messages_pt_BR"})
    void sentencesUseTheTypographicApostrophe(String name) throws IOException {
        Properties bundle = bundle(name);
        bundle.stringPropertyNames().stream().filter(key -> !key.startsWith("format."))
                .forEach(key -> assertThat(bundle.getProperty(key)).as("%s in %s", key, name).doesNotContain("'"));
    }

    @ParameterizedTest(name = "{0} is read as UTF-8")
    @ValueSource(strings = {"messages_it", "messages_pt_BR"})
    void accentedLettersSurviveTheReading(String name) throws IOException {
        assertThat(bundle(name).getProperty("desk.address")).contains("Città");
    }

    private static Set<String> arguments(String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(value);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
