package jp.kenpo.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Japanese and English have the same keys; every key the code names exists; no key is unused. Keys
 * are found as string literals in the main sources (enums and constants name them literally too).
 */
class MessageBundleTest {

    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
    /** Literals that look like keys but are not messages (package names, file names). */
    private static final Pattern NOT_A_KEY = Pattern.compile(
            "^(jp|java|javafx|org|com|i18n|db|kiosk|classpath|glass|prism|monocle|testfx)\\..*|.*\\.(yaml|css|txt|db|log|png|sql)$");

    @Test
    void japaneseIsTheBaseAndEnglishHasTheSameKeys() {
        ResourceBundle ja = I18n.bundle(Locale.JAPANESE);
        ResourceBundle en = I18n.bundle(Locale.ENGLISH);
        assertThat(ja.getLocale()).isEqualTo(Locale.ROOT);
        assertThat(en.getLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(new TreeSet<>(en.keySet())).isEqualTo(new TreeSet<>(ja.keySet()));
        for (String k : ja.keySet()) {
            assertThat(ja.getString(k)).as(k).isNotBlank();
            assertThat(en.getString(k)).as(k).isNotBlank();
        }
    }

    @Test
    void theOperatingSystemLocaleIsNeverUsed() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(I18n.bundle(Locale.JAPANESE).getString("nav.next")).isEqualTo("次へ");
            Locale.setDefault(Locale.GERMAN);
            assertThat(I18n.bundle(Locale.JAPANESE).getString("nav.next")).isEqualTo("次へ");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = I18n.bundle(Locale.JAPANESE).keySet();
        Set<String> used = new HashSet<>();
        // Members read only what core and ui say; the administrator's tools (app, cli, store) speak English.
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java/jp/kenpo/kiosk/core")),
                Files.walk(Path.of("src/main/java/jp/kenpo/kiosk/ui")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Set<String> usedKeys = new TreeSet<>();
        for (String u : used) {
            if (!NOT_A_KEY.matcher(u).matches()) {
                usedKeys.add(u);
            }
        }
        assertThat(usedKeys).as("the scan finds keys at all").contains("nav.next", "insurer.error.checkDigit");
        Set<String> unused = new TreeSet<>(keys);
        unused.removeAll(usedKeys);
        assertThat(unused).as("keys no code uses").isEmpty();
        Set<String> missing = new TreeSet<>(usedKeys);
        missing.removeAll(keys);
        assertThat(missing).as("keys the code uses that the bundle lacks").isEmpty();
    }
}
