import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Xvfb's screen (the XWD file its -fbdir option keeps, 24/32 bits a pixel) as a PNG, for the
 * screenshot of the installed kiosk: {@code java XwdToPng.java Xvfb_screen0 out.png}.
 */
public final class XwdToPng {
    public static void main(String[] args) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(Path.of(args[0])))) {
            int[] h = new int[25];
            for (int i = 0; i < h.length; i++) {
                h[i] = in.readInt();
            }
            int headerSize = h[0], width = h[4], height = h[5], byteOrder = h[7], bitsPerPixel = h[11];
            int bytesPerLine = h[12], colors = h[19];
            if (bitsPerPixel != 32) {
                throw new IOException("only 32 bits a pixel are read, this screen has " + bitsPerPixel);
            }
            in.skipNBytes(headerSize - 100L + colors * 12L);
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            byte[] line = new byte[bytesPerLine];
            for (int y = 0; y < height; y++) {
                in.readFully(line);
                for (int x = 0; x < width; x++) {
                    int o = x * 4;
                    int p = byteOrder == 0 // LSBFirst: B G R x
                            ? (line[o] & 0xff) | (line[o + 1] & 0xff) << 8 | (line[o + 2] & 0xff) << 16
                            : (line[o + 3] & 0xff) | (line[o + 2] & 0xff) << 8 | (line[o + 1] & 0xff) << 16;
                    img.setRGB(x, y, p);
                }
            }
            ImageIO.write(img, "png", Path.of(args[1]).toFile());
        }
    }
}
