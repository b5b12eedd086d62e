package jp.kenpo.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every language's bundle has the keys and arguments of the Japanese base; every key the code names
 * exists; no key is unused. Keys are found as string literals in the main sources (enums and
 * constants name them literally too).
 */
class MessageBundleTest {

    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
    /** Literals that look like keys but are not messages (package names, file names). */
    private static final Pattern NOT_A_KEY = Pattern.compile(
            "^(jp|java|javafx|org|com|i18n|db|kiosk|classpath|glass|prism|monocle|testfx)\\..*|.*\\.(yaml|css|txt|db|log|png|sql)$");

    @Test
    void japaneseIsTheBaseAndEveryLanguageHasItsOwnBundle() {
        assertThat(I18n.bundle(Locale.JAPANESE).getLocale()).isEqualTo(Locale.ROOT);
        for (Locale l : I18n.SUPPORTED) {
            if (!l.equals(Locale.JAPANESE)) {
                assertThat(I18n.bundle(l).getLocale()).as("the bundle of " + l).isEqualTo(l);
            }
        }
        // read as UTF-8, not as Latin-1 mojibake
        assertThat(I18n.bundle(Locale.forLanguageTag("ko")).getString("nav.next")).isEqualTo("다음");
        assertThat(I18n.bundle(Locale.forLanguageTag("vi")).getString("nav.back")).isEqualTo("Quay lại");
        assertThat(I18n.bundle(Locale.forLanguageTag("zh-CN")).getString("nav.next")).isEqualTo("下一步");
        assertThat(I18n.bundle(Locale.forLanguageTag("pt-BR")).getString("nav.next")).isEqualTo("Avançar");
    }

    /**
     * Every language has every key of the Japanese base, no other key, no blank text, and the same
     * MessageFormat arguments ({@code {0}}, {@code {0,number,#}}) — a stray apostrophe that quotes an
     * argument away shows up as a missing one. The failure lists what each bundle lacks, so that keys
     * added to Japanese and English can be filled into the other languages.
     */
    @Test
    void everyBundleHasEveryKeyWithTheSameArguments() {
        assertThat(bundleProblems("i18n.messages", I18n.SUPPORTED)).isEmpty();
    }

    @Test
    void everyLanguageHasTheCodeMail() {
        assertThat(bundleProblems("i18n.mail", I18n.SUPPORTED)).isEmpty();
    }

    @Test
    void aMissingKeyIsNamedWithItsBundle() {
        // the check itself: a bundle made without one key and with one argument quoted away
        Map<String, String> base = Map.of("a.b", "x {0}", "c.d", "y");
        Map<String, String> other = Map.of("a.b", "'x {0}'");
        assertThat(compare("messages_xx", base, other)).containsExactly(
                "messages_xx lacks 1 key(s): [c.d]",
                "messages_xx: a.b has the arguments [] instead of [{0}]");
    }

    private static java.util.List<String> bundleProblems(String name, java.util.List<Locale> locales) {
        Map<String, String> base = texts(name, Locale.JAPANESE);
        java.util.List<String> problems = new java.util.ArrayList<>(compare(name, base, base));
        for (Locale l : locales) {
            if (!l.equals(Locale.JAPANESE)) {
                problems.addAll(compare(name + "_" + l, base, texts(name, l)));
            }
        }
        return problems;
    }

    static java.util.List<String> compare(String bundle, Map<String, String> base, Map<String, String> other) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        Set<String> missing = new TreeSet<>(base.keySet());
        missing.removeAll(other.keySet());
        if (!missing.isEmpty()) {
            problems.add(bundle + " lacks " + missing.size() + " key(s): " + missing);
        }
        Set<String> extra = new TreeSet<>(other.keySet());
        extra.removeAll(base.keySet());
        if (!extra.isEmpty()) {
            problems.add(bundle + " has " + extra.size() + " key(s) the Japanese base lacks: " + extra);
        }
        for (String k : new TreeSet<>(other.keySet())) {
            String text = other.get(k);
            if (text.isBlank()) {
                problems.add(bundle + ": " + k + " is blank");
            } else if (base.containsKey(k)) {
                Set<String> want = arguments(base.get(k));
                Set<String> got = arguments(text);
                if (!got.equals(want)) {
                    problems.add(bundle + ": " + k + " has the arguments " + got + " instead of " + want);
                }
            }
        }
        return problems;
    }

    /** The arguments a MessageFormat pattern really has ({0}, {0,number,#}): those outside its quotes. */
    private static Set<String> arguments(String pattern) {
        if (!pattern.contains("{")) {
            return Set.of();
        }
        new java.text.MessageFormat(pattern, Locale.ROOT); // throws on a broken pattern
        StringBuilder unquoted = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                i++; // '' is an apostrophe
            } else if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted) {
                unquoted.append(c);
            }
        }
        Set<String> args = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+(?:,[^}]*)?\\}").matcher(unquoted);
        while (m.find()) {
            args.add(m.group());
        }
        return args;
    }

    /** The keys and texts of one file of a bundle (not those its Japanese parent would fill in). */
    private static Map<String, String> texts(String name, Locale l) {
        String file = name.replace('.', '/') + (l.equals(Locale.JAPANESE) ? "" : "_" + l) + ".properties";
        java.util.Properties p = new java.util.Properties();
        try (var in = I18n.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file + " exists").isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> out = new java.util.TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
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
