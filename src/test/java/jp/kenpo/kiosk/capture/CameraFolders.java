package jp.kenpo.kiosk.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;

import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import jp.kenpo.kiosk.capture.CardFixtures.Frame;
import jp.kenpo.kiosk.capture.CardFixtures.Kind;
import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.card.CardAnalyzer;

/**
 * Fills virtual-camera folders (docs/architecture.md §7) with generated synthetic cards for tests and for the demo
 * configuration's {@code kiosk-config/demo-camera/}.
 *
 * <p>{@code java -cp … jp.kenpo.kiosk.capture.CameraFolders kiosk-config/demo-camera} writes the demo's
 * images.
 */
public final class CameraFolders {

    private CameraFolders() {
    }

    /**
     * Writes one frame of the kind into {@code folder} and returns it: for GOOD, the first generated
     * frame the analyzer accepts; for a flaw, one the analyzer rejects for that flaw.
     */
    public static Path write(Path folder, String name, Kind kind, long seed, Function<Random, java.awt.image.BufferedImage> face)
            throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        try (CardAnalyzer analyzer = new CardAnalyzer()) {
            Random r = new Random(seed);
            for (int attempt = 0; attempt < 50; attempt++) {
                Frame f = CardFixtures.frame(kind, r, face);
                CardAnalysis a = analyzer.analyze(f.image());
                boolean wanted = kind == Kind.GOOD ? a.accept() : a.found() && !a.accept();
                if (wanted) {
                    write(f.image(), file);
                    f.image().release();
                    return file;
                }
                f.image().release();
            }
        }
        throw new IllegalStateException("no " + kind + " frame the analyzer agrees with in 50 tries");
    }

    private static void write(Mat m, Path file) throws IOException {
        if (!Imgcodecs.imwrite(file.toString(), m)) {
            throw new IOException("cannot write " + file);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "kiosk-config/demo-camera");
        write(dir.resolve("card-front"), "licence-front.jpg", Kind.GOOD, 7, CardFixtures::card);
        write(dir.resolve("card-back"), "licence-back.jpg", Kind.GOOD, 8, CardFixtures::back);
    }
}
