package jp.kenpo.kiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * A production kiosk ({@code kiosk.demo: false}) refuses what only suits a demonstration — the
 * demo's published secrets, mail to files, a seed roster, a virtual camera, a fast PIN hash, a short
 * lockout — each at its own line; a demonstration keeps all of it.
 */
class ProductionConfigTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

    static Stream<Arguments> demoSettings() {
        return Stream.of(
                Arguments.of("the demo PIN's hash",
                        "$yGux1mU/5KB1Y/3a4L0zDg$7HWsGobESL7z3myMMmQKvE7Hfae7S9eJVgdG03tNg8Y",
                        "$8sSSF4UnJUzETti9B/Vm1g$uqEB00jBTmkiXx1tOuPuee812MCB2Ppqv5KnapJKV/8",
                        "pinHash:", "'staff.pinHash' is the demo PIN's hash"),
                Arguments.of("a PIN hash of one round",
                        "$pbkdf2-sha256$i=310000,l=32$yGux1mU/5KB1Y/3a4L0zDg$7HWsGobESL7z3myMMmQKvE7Hfae7S9eJVgdG03tNg8Y",
                        "$pbkdf2-sha256$i=1,l=32$1d51RGlNEYG1oS3d9UpZPQ$YMaZeDbcJjmqh06aUsavkcaui7l45kABoIEvRWlwgIw",
                        "pinHash:", "'staff.pinHash' is made with i=1 rounds"),
                Arguments.of("a PIN hash just below the standard rounds", "i=310000", "i=309999",
                        "pinHash:", "needs at least i=310000"),
                Arguments.of("no lockout after wrong PINs", "camera:\n", "  lockoutSeconds: 0\ncamera:\n",
                        "lockoutSeconds:", "'staff.lockoutSeconds' must be at least 60"),
                Arguments.of("a lockout just under a minute", "camera:\n", "  lockoutSeconds: 59\ncamera:\n",
                        "lockoutSeconds:", "'staff.lockoutSeconds' must be at least 60"),
                Arguments.of("the demo device token", "deviceToken: x", "deviceToken: demo-device-token",
                        "deviceToken:", "'central.deviceToken' is the demo's published token"),
                Arguments.of("the demo device token as the variable's default", "deviceToken: x",
                        "deviceToken: ${KIOSK_DEVICE_TOKEN:-demo-device-token}",
                        "deviceToken:", "'central.deviceToken' is the demo's published token"),
                Arguments.of("the demo roster key", "key: a-roster-key-of-some-length",
                        "key: ${KIOSK_ROSTER_KEY:-demo-roster-key-not-for-production}",
                        "  key:", "'roster.key' is the demo's published key"),
                Arguments.of("the demo central-service key", "publicKeyFile: central.pem",
                        "publicKeyFile: demo-central.pem",
                        "publicKeyFile:", "is the demo key, whose private half is published"),
                Arguments.of("mail written to files", "  mode: smtp\n", "  mode: folder\n  folder: mail\n",
                        "mode: folder", "'mail.mode: folder' writes the members' mail to files"),
                Arguments.of("a seed roster", "roster:\n", "roster:\n  seedFile: roster.csv\n",
                        "seedFile:", "'roster.seedFile' loads a demonstration roster"),
                Arguments.of("a virtual camera", "source: index:0", "source: virtual:camera",
                        "source:", "'camera.source: virtual:' plays still pictures"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoSettings")
    void productionRefusesEachDemoSettingAtItsLine(String name, String from, String to, String lineMark,
                                                   String expected) throws Exception {
        String yaml = ConfigLoaderTest.valid();
        assertThat(yaml).contains(from);
        yaml = yaml.replace(from, to);
        Path file = ConfigLoaderTest.write(dir, yaml);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).singleElement().asString()
                .startsWith(file + ":" + lineContaining(yaml, lineMark) + ": ")
                .contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoSettings")
    void aDemonstrationKeepsEachDemoSetting(String name, String from, String to, String lineMark, String expected)
            throws Exception {
        String yaml = ConfigLoaderTest.valid().replace(from, to).replace("  dataDir: data\n",
                "  dataDir: data\n  demo: true\n");
        Path file = ConfigLoaderTest.write(dir, yaml);

        KioskConfig c = loader.load(file);

        assertThat(c.kiosk().demo()).isTrue();
    }

    @Test
    void theShippedDemoWithDemoFalseIsRefusedForEveryDemoSettingAndNothingElse() throws Exception {
        Path file = TestConfigs.demoCopy(dir);
        String yaml = Files.readString(file).replace("  demo: true ", "  demo: false");
        Files.writeString(file, yaml);

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of("KIOSK_DATA_DIR", dir.resolve("data").toString())::get).load(file));

        List<String> expected = new ArrayList<>();
        for (String[] where : new String[][] {
                {"  pinHash:", "the demo PIN's hash"},
                {"  source: virtual:", "plays still pictures"},
                {"  mode: folder", "writes the members' mail to files"},
                {"  deviceToken:", "the demo's published token"},
                {"  embedded:", "for demonstrations only"},
                {"  publicKeyFile:", "is the demo key"},
                {"  key:", "the demo's published key"},
                {"  seedFile:", "loads a demonstration roster"},
                {"resume-public.pem", "is the demo key, whose private half is published"}}) {
            expected.add(file + ":" + lineContaining(yaml, where[0]) + ": " + where[1]);
        }
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String[] prefixAndText = expected.get(i).split(": ", 2);
            assertThat(e.problems().get(i)).startsWith(prefixAndText[0] + ": ").contains(prefixAndText[1]);
        }
    }

    /** The constants refused are the values the shipped demo really uses (else the refusal guards nothing). */
    @Test
    void theRefusedValuesAreTheShippedDemosOwn() throws Exception {
        KioskConfig demo = TestConfigs.demo(dir);
        assertThat(demo.staff().pinHash()).isEqualTo(DemoMaterial.PIN_HASH);
        assertThat(demo.central().deviceToken()).isEqualTo(DemoMaterial.DEVICE_TOKEN)
                .isEqualTo(CentralServer.Options.DEFAULT_DEVICE_TOKEN);
        assertThat(demo.roster().key()).isEqualTo(DemoMaterial.ROSTER_KEY);
        assertThat(DemoMaterial.isDemoCentralKey(
                jp.kenpo.kiosk.sync.CentralKey.read(demo.resolve(demo.central().publicKeyFile())))).isTrue();
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
