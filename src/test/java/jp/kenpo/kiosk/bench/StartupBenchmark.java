package jp.kenpo.kiosk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * Start-up target (docs/architecture.md §11): JVM start to the welcome screen in ≤ 1.5 s on a 2-core
 * machine. Starts the kiosk under Xvfb, full screen on the demo configuration, until it logs
 * "welcome screen shown N ms after JVM start", then stops it
 * ({@code packaging/linux/start-to-welcome.sh}); five starts each, the median and the slowest
 * printed, for the jar ({@code java -jar target/kenpo-kiosk.jar}) and, when {@code mvn -Ppackage}
 * has made it, the app-image (its own runtime and AppCDS archive). Wall clock is from the script's
 * start, Xvfb's start included. Run with {@code mvn -q test -Pbench -Dtest=StartupBenchmark}.
 */
@Tag("bench")
class StartupBenchmark {

    static final Path SCRIPT = Path.of("packaging/linux/start-to-welcome.sh");
    static final Path JAR = Path.of("target/kenpo-kiosk.jar");
    static final Path IMAGE = Path.of("target/package/image/kenpo-kiosk/bin/kenpo-kiosk");
    static final int RUNS = Integer.getInteger("startup.runs", 5);

    @TempDir
    Path dir;

    @Test
    void jvmStartToWelcomeScreen() throws Exception {
        assumeTrue(onPath("xvfb-run"), "xvfb-run is not installed");
        Path jar = Path.of(System.getProperty("startup.jar", JAR.toString()));
        assumeTrue(Files.isRegularFile(jar), jar + " is not built");
        Path config = freePortCopy();
        print("jar", measure(List.of(javaBin(), "-jar", jar.toAbsolutePath().toString(), "--config", config.toString())));
        Path image = Path.of(System.getProperty("startup.image", IMAGE.toString()));
        if (Files.isExecutable(image)) {
            print("app-image", measure(List.of(image.toAbsolutePath().toString(), "--config", config.toString())));
        } else {
            System.out.println("startup: no app-image at " + image + " (mvn -Ppackage package makes it)");
        }
    }

    /** The demo configuration with its demonstration central server on a port of its own. */
    private Path freePortCopy() throws Exception {
        Path config = TestConfigs.demoCopy(dir);
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(config, Files.readString(config).replace("127.0.0.1:8765", "127.0.0.1:" + port));
        return config;
    }

    /** Per run: {ms after JVM start as the kiosk logged it, wall-clock ms}. */
    private List<long[]> measure(List<String> command) throws Exception {
        List<long[]> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString(), dir.resolve("data" + i).toString(), "60"));
            cmd.addAll(command);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor()).as(out).isZero();
            String[] f = out.lines().filter(l -> l.startsWith("welcome ")).findFirst().orElseThrow().split(" ");
            runs.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
        return runs;
    }

    private static void print(String what, List<long[]> runs) {
        long[] jvm = runs.stream().mapToLong(r -> r[0]).sorted().toArray();
        long[] wall = runs.stream().mapToLong(r -> r[1]).sorted().toArray();
        System.out.printf("startup %-9s JVM start to welcome screen: median %d ms, slowest %d ms; wall clock median %d ms"
                + " (%d starts, %d cores)%n", what, jvm[jvm.length / 2], jvm[jvm.length - 1], wall[wall.length / 2],
                runs.size(), Runtime.getRuntime().availableProcessors());
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}
