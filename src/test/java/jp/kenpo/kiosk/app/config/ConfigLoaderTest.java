package jp.kenpo.kiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.member.CardPattern;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.testing.TestConfigs;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("KIOSK_DEVICE_TOKEN", "from-env")::get);

    @Test
    void demoConfigurationLoads() {
        KioskConfig c = TestConfigs.demo(dir);
        assertThat(c.kiosk().id()).isEqualTo("K07");
        assertThat(c.dataDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(c.unions()).hasSize(2);
        assertThat(c.unions().get(0).insurerNumber()).isEqualTo("01130012");
        assertThat(c.unions().get(0).cardPattern()).isEqualTo(CardPattern.SYMBOL_AND_NUMBER);
        assertThat(c.unions().get(0).normalization().numberPad()).isEqualTo(6);
        assertThat(c.unions().get(1).documents()).containsExactly(DocumentType.values());
        assertThat(c.unions().get(1).medicalAccess()).isFalse();
        assertThat(c.union(InsurerNumber.parse("133033").value())).isPresent();
        assertThat(c.timeouts().idleSeconds()).isEqualTo(90);
        assertThat(c.consents()).extracting(d -> d.reference())
                .containsExactly("terms@2024-05", "privacy@2024-05", "points@2024-05");
        assertThat(c.central().deviceToken()).isEqualTo("demo-device-token");
        assertThat(c.camera().steadyFrames()).isEqualTo(8);
        assertThat(c.masks(DocumentType.DRIVERS_LICENSE, jp.kenpo.kiosk.core.session.KioskSession.Side.BACK))
                .singleElement().satisfies(m -> assertThat(m.onCard()).isTrue());
        assertThat(c.masks(DocumentType.MY_NUMBER_CARD, jp.kenpo.kiosk.core.session.KioskSession.Side.FRONT)).isEmpty();
    }

    @Test
    void theDemoOffersSixLanguagesAndReadsTextsKeyedByTheirTags() {
        KioskConfig c = TestConfigs.demo(dir);
        assertThat(c.kiosk().languages()).containsExactly("ja", "en", "zh-CN", "ko", "vi", "pt-BR");
        assertThat(c.unions().get(0).name().in(java.util.Locale.forLanguageTag("zh-CN"))).isEqualTo("演示健康保险组合");
        assertThat(c.unions().get(0).name().in(java.util.Locale.forLanguageTag("pt-BR")))
                .isEqualTo("Sociedade de Seguro Saúde Demo");
        assertThat(c.unions().get(1).name().in(java.util.Locale.forLanguageTag("ko")))
                .as("a union without a Korean name keeps its Japanese one").isEqualTo("サンプル共済組合");
    }

    @Test
    void configIsImmutable() {
        KioskConfig c = TestConfigs.demo(dir);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.unions().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("unknown key (typo)", "timeouts:\n  idleSecnds: 90\n",
                        2, "unknown key 'idleSecnds' in timeouts"),
                Arguments.of("wrong type", "timeouts:\n  idleSeconds: ninety\n",
                        2, "'timeouts.idleSeconds' cannot be \"ninety\": expected a whole number"),
                Arguments.of("outcome screen left in front of the next person", "timeouts:\n  idleSeconds: 90\n"
                        + "  outcomeSeconds: 3600\n", 3, "'timeouts.outcomeSeconds' must be between 10 and 300"),
                Arguments.of("outcome screen gone before the receipt is read", "timeouts:\n  outcomeSeconds: 3\n",
                        2, "'timeouts.outcomeSeconds' must be between 10 and 300"),
                Arguments.of("bad YAML", "timeouts:\n  idleSeconds: 90\n    countdownSeconds: 20\n",
                        3, "not valid YAML"),
                Arguments.of("unknown enum", "unions:\n  - insurerNumber: \"133033\"\n    name: {ja: X}\n"
                        + "    cardPattern: symbol_only\n", 4, "'unions[0].cardPattern' cannot be \"symbol_only\""),
                Arguments.of("no language", "kiosk:\n  id: K01\n  dataDir: data\n  languages: []\n",
                        4, "'kiosk.languages' must include ja"),
                Arguments.of("English only", "kiosk:\n  id: K01\n  dataDir: data\n  languages: [en]\n",
                        4, "'kiosk.languages' must include ja"),
                Arguments.of("a language the kiosk has no texts for", "kiosk:\n  id: K01\n  dataDir: data\n"
                        + "  languages:\n    - ja\n    - fr\n", 6, "'fr' is not a language of this kiosk: it offers ja, en, zh-CN, ko, vi, pt-BR"),
                Arguments.of("Chinese without its region", "kiosk:\n  id: K01\n  dataDir: data\n"
                        + "  languages: [ja, zh]\n", 4, "'zh' is not a language of this kiosk (did you mean zh-CN?)"),
                Arguments.of("a locale written the Java way", "kiosk:\n  id: K01\n  dataDir: data\n"
                        + "  languages: [ja, pt_BR]\n", 4, "'pt_BR' is not a language of this kiosk (did you mean"
                        + " pt-BR?)"),
                Arguments.of("traditional Chinese is not offered", "kiosk:\n  id: K01\n  dataDir: data\n"
                        + "  languages: [ja, zh-TW]\n", 4, "'zh-TW' is not a language of this kiosk: it offers"),
                Arguments.of("a text keyed by a bare language", "unions:\n  - insurerNumber: \"133033\"\n"
                        + "    name: {ja: X, zh: Y}\n    cardPattern: number_only\n", 3, "unknown key 'zh'"),
                Arguments.of("a consent translation that cannot be read", "consents:\n  - id: terms\n"
                        + "    version: \"1\"\n    title: { ja: 規約, ko: 약관 }\n"
                        + "    file: { ja: consents/terms.txt, ko: consents/terms.ko.txt }\n", 5,
                        "terms.ko.txt cannot be read"),
                Arguments.of("a language twice", "kiosk:\n  id: K01\n  dataDir: data\n"
                        + "  languages:\n    - ja\n    - en\n    - ja\n", 7, "'ja' is listed twice"),
                Arguments.of("an empty language", "kiosk:\n  id: K01\n  dataDir: data\n  languages: [ja, \"\"]\n",
                        4, "'' is not a language of this kiosk"),
                Arguments.of("missing union", "unions: []\n", 1, "no union is configured"),
                Arguments.of("bad check digit", "unions:\n  - insurerNumber: \"133034\"\n    name: {ja: X}\n"
                        + "    cardPattern: number_only\n", 2, "'133034' is not a valid insurer number"),
                Arguments.of("missing environment variable", "central:\n  url: http://127.0.0.1:1\n"
                        + "  deviceToken: ${NO_SUCH_VARIABLE}\n", 3, "NO_SUCH_VARIABLE is not set"),
                Arguments.of("mask off the card", "documentMasks:\n  - { document: drivers_license, side: back, x: 2,"
                        + " y: 38, width: 90, height: 14, label: donor }\n", 2, "the mask 'donor' must lie on the"),
                Arguments.of("mask on the My Number card's back", "documentMasks:\n  - document: my_number_card\n"
                        + "    side: back\n    x: 0\n    y: 0\n    width: 10\n    height: 10\n", 3,
                        "the My Number card's back is never captured"),
                Arguments.of("steady frames out of range", "camera:\n  source: index:0\n  steadyFrames: 0\n",
                        3, "'camera.steadyFrames' must be 1–60"),
                Arguments.of("a PIN hash so slow that each PIN takes minutes", "staff:\n  pinHash: \"$pbkdf2-sha256"
                        + "$i=2147483647,l=32$8sSSF4UnJUzETti9B/Vm1g$uqEB00jBTmkiXx1tOuPuee812MCB2Ppqv5KnapJKV/8\"\n", 2,
                        "'staff.pinHash' is made with i=2147483647 rounds"),
                Arguments.of("two members of staff with the same id", "staff:\n  members:\n"
                        + "    - { id: tanaka, name: 田中, pinHash: \"$pbkdf2-sha256$i=310000,l=32"
                        + "$8sSSF4UnJUzETti9B/Vm1g$uqEB00jBTmkiXx1tOuPuee812MCB2Ppqv5KnapJKV/8\" }\n"
                        + "    - { id: tanaka, name: 田中二, pinHash: \"$pbkdf2-sha256$i=310000,l=32"
                        + "$8sSSF4UnJUzETti9B/Vm1g$uqEB00jBTmkiXx1tOuPuee812MCB2Ppqv5KnapJKV/8\" }\n", 2,
                        "'staff.members[1].id' tanaka is listed twice"),
                Arguments.of("a member of staff without a PIN hash", "staff:\n  members:\n"
                        + "    - { id: tanaka, name: 田中, pinHash: \"1234\" }\n", 2,
                        "'staff.members[0].pinHash' is not a PIN hash"),
                Arguments.of("staff screen left open an hour", "staff:\n  pinHash: \"$pbkdf2-sha256$i=310000,l=32"
                        + "$8sSSF4UnJUzETti9B/Vm1g$uqEB00jBTmkiXx1tOuPuee812MCB2Ppqv5KnapJKV/8\"\n  idleSeconds: 3600\n", 3,
                        "'staff.idleSeconds' must be between 10 and 600"),
                Arguments.of("plain http to a remote host", "central:\n  url: http://central.example.jp\n"
                        + "  deviceToken: x\n", 2, "must use https"),
                Arguments.of("plain http to a name that starts like loopback",
                        "central:\n  url: http://127.0.0.1.attacker.example:8765\n  deviceToken: x\n", 2,
                        "must use https"),
                Arguments.of("SMTP in clear to a name that starts like loopback", "mail:\n  mode: smtp\n"
                        + "  host: 127.0.0.1.attacker.example\n  port: 25\n  from: kiosk@example.jp\n"
                        + "  security: none\n", 6, "sends in clear"),
                Arguments.of("embedded server on https", "central:\n  url: https://central.example.jp\n"
                        + "  deviceToken: x\n  keyId: k\n  publicKeyFile: demo-central/central-public.pem\n"
                        + "  embedded:\n    dataDir: central\n    privateKeyFile: demo-central/central-private.pem\n",
                        6, "the embedded central server needs"),
                Arguments.of("embedded server outside a demo", "central:\n  url: http://127.0.0.1:8765\n"
                        + "  deviceToken: x\n  keyId: k\n  publicKeyFile: demo-central/central-public.pem\n"
                        + "  embedded:\n    dataDir: central\n    privateKeyFile: demo-central/central-private.pem\n",
                        6, "for demonstrations only"),
                Arguments.of("unreadable CA file", "central:\n  url: https://central.example.jp\n"
                        + "  deviceToken: x\n  keyId: k\n  publicKeyFile: demo-central/central-public.pem\n"
                        + "  caFile: no-such-ca.pem\n", 6, "no-such-ca.pem cannot be read"));
    }

    /**
     * Each broken variant replaces one section of a valid file; the message names the file and the
     * line of the problem counted in the whole file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenFilesNameFileAndLine(String name, String section, int lineInSection, String expected) throws IOException {
        String valid = valid();
        String top = section.substring(0, section.indexOf(':'));
        String yaml = replaceSection(valid, top, section);
        int sectionStart = lineOf(yaml, section.lines().findFirst().orElseThrow());
        Path file = write(yaml);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(e).as("should fail").isNotNull();
        String expectedPrefix = file + ":" + (sectionStart + lineInSection - 1) + ": ";
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p).startsWith(expectedPrefix);
            assertThat(p).contains(expected);
        });
        assertThat(e.getMessage()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void staffMembersEachWithTheirOwnPinAndTheOlderSinglePinAsOneMember() throws Exception {
        String hash = "$pbkdf2-sha256$i=310000,l=32$yGux1mU/5KB1Y/3a4L0zDg$7HWsGobESL7z3myMMmQKvE7Hfae7S9eJVgdG03tNg8Y";
        KioskConfig members = loader.load(write(replaceSection(valid(), "staff", "staff:\n  members:\n"
                + "    - { id: tanaka, name: 田中, pinHash: \"" + hash + "\" }\n"
                + "    - { id: suzuki, name: 鈴木, pinHash: \"" + hash + "\" }\n"
                + "  callWaitSeconds: 120\n  callVolume: 0.5\n  callCommand: [/usr/local/bin/call-light, \"--on\"]\n")));
        assertThat(members.staff().staff()).extracting(jp.kenpo.kiosk.core.config.StaffMember::id)
                .containsExactly("tanaka", "suzuki");
        assertThat(members.staff().callWaitSeconds()).isEqualTo(120);
        assertThat(members.staff().callVolume()).isEqualTo(0.5);
        assertThat(members.staff().callCommand()).containsExactly("/usr/local/bin/call-light", "--on");

        KioskConfig single = loader.load(write(valid()));
        assertThat(single.staff().staff()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("staff");
            assertThat(m.pinHash()).isEqualTo(hash);
        });
        assertThat(single.staff().callWaitSeconds()).isEqualTo(300);
        assertThat(single.staff().callCommand()).isEmpty();
    }

    @Test
    void environmentVariablesFillSecrets() throws Exception {
        String yaml = valid().replace("deviceToken: x", "deviceToken: ${KIOSK_DEVICE_TOKEN}");
        KioskConfig c = loader.load(write(yaml));
        assertThat(c.central().deviceToken()).isEqualTo("from-env");
    }

    @Test
    void theOutcomeScreenStaysThirtySecondsUnlessConfigured() throws Exception {
        assertThat(loader.load(write(valid())).timeouts().outcome()).isEqualTo(java.time.Duration.ofSeconds(30));
        KioskConfig longer = loader.load(write(valid().replace("countdownSeconds: 20",
                "countdownSeconds: 20\n  outcomeSeconds: 120")));
        assertThat(longer.timeouts().outcomeSeconds()).isEqualTo(120);
    }

    @Test
    void missingFileIsOneLine() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(dir.resolve("nope.yaml")));
        assertThat(e.problems()).containsExactly(dir.resolve("nope.yaml") + ":1: the file does not exist");
    }

    @Test
    void severalProblemsAreAllReported() throws IOException {
        String yaml = valid().replace("idleSeconds: 90", "idleSeconds: 5").replace("id: K01", "id: k-1");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(write(yaml)));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).contains(":2: 'kiosk.id'");
    }

    @Test
    void aTwentyMegabyteLineIsRefusedInAMomentWithoutBeingRead() throws IOException {
        // one value pasted by mistake: the parser used to take minutes and a gigabyte over it
        String yaml = valid().replace("  dataDir: data\n", "  dataDir: data/" + "x".repeat(20_000_000) + "\n");
        Path file = write(yaml);

        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> catchThrowableOfType(ConfigException.class, () -> loader.load(file)));

        assertThat(e.problems()).containsExactly(file + ":1: the file is larger than 256 KB, which no kiosk"
                + " configuration is: check that --config names the right file");
    }

    @Test
    void aLineLongerThanAnyRealOneIsNamedByItsLine() throws IOException {
        String yaml = valid().replace("  dataDir: data\n", "  dataDir: data/" + "x".repeat(2000) + "\n");
        Path file = write(yaml);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(e.problems()).containsExactly(file + ":3: the line is 2016 characters long; a line of a kiosk"
                + " configuration has at most 1000 (was something pasted here by mistake?)");
    }

    @Test
    void aLongFileOfShortLinesIsRefusedBeforeParsing() throws IOException {
        String yaml = valid() + "# a comment line of forty characters...\n".repeat(8000);
        Path file = write(yaml);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(e.problems()).singleElement().asString().startsWith(file + ":1: the file is larger than 256 KB");
    }

    @Test
    void aFileThatIsNotUtf8IsNamedAsSuch() throws IOException {
        Path file = write(valid());
        Files.write(file, valid().getBytes(java.nio.charset.Charset.forName("windows-31j")));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(e.problems()).containsExactly(file + ":1: the file is not UTF-8 text: save it as UTF-8");
    }

    private Path write(String yaml) throws IOException {
        return write(dir, yaml);
    }

    /**
     * Writes {@code yaml} as {@code dir/kiosk.yaml} beside the files {@link #valid()} names: a consent
     * text, a camera folder, a seed roster, a central-service key of its own ({@code central.pem})
     * and the demo's ({@code demo-central.pem}).
     */
    static Path write(Path dir, String yaml) throws IOException {
        Files.createDirectories(dir.resolve("consents"));
        Files.writeString(dir.resolve("consents/terms.txt"), "terms");
        Files.createDirectories(dir.resolve("camera"));
        Files.writeString(dir.resolve("roster.csv"), "insurerNumber,symbol,number,branch,kanaName,birthDate\n");
        Files.writeString(dir.resolve("central.pem"), CENTRAL_KEY);
        Files.copy(Path.of("kiosk-config/demo-central/central-public.pem"), dir.resolve("demo-central.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** A central-service public key that is not the demo's (PEM). */
    static final String CENTRAL_KEY = newPublicKeyPem();

    private static String newPublicKeyPem() {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return "-----BEGIN PUBLIC KEY-----\n"
                    + java.util.Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A production configuration ({@code demo} unset) that passes every check. */
    static String valid() {
        return """
                kiosk:
                  id: K01
                  dataDir: data
                timeouts:
                  idleSeconds: 90
                  countdownSeconds: 20
                unions:
                  - insurerNumber: "01130012"
                    name: { ja: テスト健康保険組合 }
                    cardPattern: number_only
                consents:
                  - id: terms
                    version: "1"
                    title: { ja: 利用規約 }
                    file: { ja: consents/terms.txt }
                staff:
                  pinHash: "$pbkdf2-sha256$i=310000,l=32$yGux1mU/5KB1Y/3a4L0zDg$7HWsGobESL7z3myMMmQKvE7Hfae7S9eJVgdG03tNg8Y"
                camera:
                  source: index:0
                mail:
                  mode: smtp
                  host: 127.0.0.1
                  port: 25
                  security: none
                  from: kiosk@kenpo.example.jp
                central:
                  url: http://127.0.0.1:8765
                  deviceToken: x
                  publicKeyFile: central.pem
                  keyId: k1
                roster:
                  key: a-roster-key-of-some-length
                """;
    }

    /** Replaces the top-level section {@code key} (its line and the indented lines after it). */
    static String replaceSection(String yaml, String key, String replacement) {
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        boolean replaced = false;
        for (String line : yaml.split("\n", -1)) {
            if (line.startsWith(key + ":")) {
                skipping = true;
                out.append(replacement);
                replaced = true;
                continue;
            }
            if (skipping && (line.startsWith(" ") || line.isEmpty())) {
                continue;
            }
            skipping = false;
            out.append(line).append('\n');
        }
        if (!replaced) {
            out.append(replacement);
        }
        return out.toString().replaceAll("\n+$", "\n");
    }

    static int lineOf(String text, String line) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(line)) {
                return i + 1;
            }
        }
        throw new AssertionError(line + " not in " + text);
    }
}
