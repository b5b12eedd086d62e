package jp.kenpo.kiosk.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A still picture (PNG or JPEG) read for the analyzers from a file someone handed the kiosk's
 * tools: its size is read from the file's header first, and a picture larger than
 * {@link #MAX_PIXELS} is refused before any pixel is decoded, so a corrupt or hostile file (a
 * header claiming 60000 × 60000) cannot take the memory of the machine.
 */
public final class StillImage {

    /** 40 megapixels: five times a 4K frame; the kiosk's cameras give 1–2. */
    public static final long MAX_PIXELS = 40_000_000L;
    /** A compressed picture of 40 megapixels is well under this. */
    public static final long MAX_BYTES = 200L * 1024 * 1024;

    /** The decoded BGR picture, or why there is none (a sentence for the administrator). */
    public record Result(Mat image, String problem) {
        public boolean ok() {
            return image != null;
        }
    }

    private StillImage() {
    }

    public static Result read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return problem("not a readable file");
        }
        try {
            long bytes = Files.size(file);
            if (bytes > MAX_BYTES) {
                return problem(String.format("too large a file (%,d bytes; at most %,d)", bytes, MAX_BYTES));
            }
            long[] size = header(file);
            if (size == null) {
                return problem("not a readable PNG or JPEG image");
            }
            if (size[0] <= 0 || size[1] <= 0 || size[0] * size[1] > MAX_PIXELS) {
                return problem(String.format("refused: the image says it is %d × %d pixels (at most %,d pixels)",
                        size[0], size[1], MAX_PIXELS));
            }
            MatOfByte data = new MatOfByte(Files.readAllBytes(file));
            Mat image = Imgcodecs.imdecode(data, Imgcodecs.IMREAD_COLOR);
            data.release();
            if (image.empty()) {
                image.release();
                return problem("not a readable PNG or JPEG image (damaged)");
            }
            return new Result(image, null);
        } catch (IOException | RuntimeException e) {
            return problem("not a readable PNG or JPEG image (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Width and height as the file's header states them, without decoding; null if no PNG/JPEG reader takes it. */
    private static long[] header(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    reader.dispose();
                    continue;
                }
                try {
                    reader.setInput(in, true, true);
                    return new long[] {reader.getWidth(0), reader.getHeight(0)};
                } catch (IOException e) {
                    return null;
                } finally {
                    reader.dispose();
                }
            }
            return null;
        }
    }

    private static Result problem(String why) {
        return new Result(null, why);
    }
}
