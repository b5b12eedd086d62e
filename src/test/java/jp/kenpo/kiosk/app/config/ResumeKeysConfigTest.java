package jp.kenpo.kiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.resume.ResumeKeys;
import jp.kenpo.kiosk.testing.TestConfigs;

/** {@code central.resumeKeys}: the Ed25519 keys trusted for resume QR codes, each problem at its line. */
class ResumeKeysConfigTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

    static String withKeys(String keys) {
        return ConfigLoaderTest.valid().replace("  keyId: k1\n", "  keyId: k1\n  resumeKeys:\n" + keys);
    }

    Path write(String yaml) throws Exception {
        Path file = ConfigLoaderTest.write(dir, yaml);
        var g = KeyPairGenerator.getInstance("Ed25519");
        Files.writeString(dir.resolve("resume-a.pem"), pem(g.generateKeyPair().getPublic().getEncoded()));
        Files.writeString(dir.resolve("resume-b.pem"), pem(g.generateKeyPair().getPublic().getEncoded()));
        Files.copy(Path.of("kiosk-config/demo-central/resume-public.pem"), dir.resolve("resume-demo.pem"));
        Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----\n");
        return file;
    }

    static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void twoKeysForRotationAreReadByKid() throws Exception {
        KioskConfig c = loader.load(write(withKeys("    - { kid: a, publicKeyFile: resume-a.pem }\n"
                + "    - kid: b\n      publicKeyFile: resume-b.pem\n")));

        assertThat(c.central().resumeKeys()).hasSize(2);
        assertThat(ResumeKeys.trusted(c)).containsOnlyKeys("a", "b");
        assertThat(ResumeKeys.trusted(c).get("a").getAlgorithm()).isIn("Ed25519", "EdDSA");
    }

    @Test
    void noResumeKeysIsAValidConfigurationThatTrustsNoCode() throws Exception {
        KioskConfig c = loader.load(write(ConfigLoaderTest.valid()));

        assertThat(c.central().resumeKeys()).isEmpty();
        assertThat(ResumeKeys.trusted(c)).isEmpty();
    }

    @Test
    void theShippedDemoTrustsItsOwnResumeKey() throws Exception {
        KioskConfig demo = TestConfigs.demo(dir);

        assertThat(ResumeKeys.trusted(demo)).containsOnlyKeys("demo-resume-2026");
        assertThat(DemoMaterial.isDemoResumeKey(ResumeKeys.trusted(demo).get("demo-resume-2026"))).isTrue();
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("no kid", "    - { publicKeyFile: resume-a.pem }\n", "- { publicKeyFile",
                        "'central.resumeKeys[0].kid' is missing"),
                Arguments.of("the same kid twice", "    - { kid: a, publicKeyFile: resume-a.pem }\n"
                                + "    - { kid: a, publicKeyFile: resume-b.pem }\n", "resume-b.pem",
                        "the kid 'a' is listed twice"),
                Arguments.of("no file", "    - { kid: a }\n", "kid: a",
                        "'central.resumeKeys[0].publicKeyFile' is missing"),
                Arguments.of("a file that is not there", "    - { kid: a, publicKeyFile: nowhere.pem }\n", "nowhere",
                        "nowhere.pem cannot be read"),
                Arguments.of("an RSA key", "    - { kid: a, publicKeyFile: central.pem }\n", "central.pem }",
                        "is not an Ed25519 public key"),
                Arguments.of("a broken PEM", "    - { kid: a, publicKeyFile: garbage.pem }\n", "garbage",
                        "is not an Ed25519 public key"),
                Arguments.of("an empty entry", "    - \n", "    - ", "'central.resumeKeys[0]' is empty"),
                Arguments.of("the demo key on a production kiosk", "    - { kid: d, publicKeyFile: resume-demo.pem }\n",
                        "resume-demo", "is the demo key, whose private half is published"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void eachProblemIsNamedAtItsLine(String name, String keys, String lineMark, String expected) throws Exception {
        String yaml = withKeys(keys);
        Path file = write(yaml);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).singleElement().asString()
                .startsWith(file + ":" + lineContaining(yaml, lineMark) + ": ").contains(expected);
    }

    @Test
    void aDemonstrationMayTrustTheDemoKey() throws Exception {
        String yaml = withKeys("    - { kid: d, publicKeyFile: resume-demo.pem }\n")
                .replace("  dataDir: data\n", "  dataDir: data\n  demo: true\n");

        assertThat(loader.load(write(yaml)).central().resumeKeys()).hasSize(1);
    }

    private static int lineContaining(String text, String mark) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(mark)) {
                return i + 1;
            }
        }
        throw new AssertionError(mark + " not in " + text);
    }
}
