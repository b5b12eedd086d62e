import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Documentation step (not part of the build): puts the screen gallery's shots of one screen side by
 * side — one row per language, one column per look (normal text, large text, high contrast) — in a
 * JPEG at half size, for docs/gallery. A shot the gallery did not take is left grey and named.
 *
 * <p>Usage: {@code java src/build/GallerySheets.java SHOTS_DIR OUT_DIR LANGS SCREEN…}, for example
 * {@code java src/build/GallerySheets.java target/screens docs/gallery ja,en,zh-CN,vi 01-welcome 04-insurer}
 * after {@code mvn -q test -Dtest=ScreenGalleryTest -Dgallery.languages=ja,en,zh-CN,vi}.
 */
public final class GallerySheets {

    static final List<String> LOOKS = List.of("", ".large", ".contrast");
    static final List<String> LOOK_NAMES = List.of("normal", "large text", "high contrast");
    static final int TILE_W = 640;
    static final int TILE_H = 400;
    static final int LABEL = 28;

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: GallerySheets SHOTS_DIR OUT_DIR LANGS SCREEN...");
            System.exit(2);
        }
        Path shots = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> langs = List.of(args[2].split(","));
        Files.createDirectories(out);
        for (int s = 3; s < args.length; s++) {
            String screen = args[s];
            BufferedImage sheet = new BufferedImage(LOOKS.size() * TILE_W, langs.size() * (TILE_H + LABEL),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = sheet.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            for (int row = 0; row < langs.size(); row++) {
                for (int col = 0; col < LOOKS.size(); col++) {
                    String name = screen + "." + langs.get(row) + LOOKS.get(col) + ".png";
                    int x = col * TILE_W;
                    int y = row * (TILE_H + LABEL);
                    g.setColor(Color.BLACK);
                    g.drawString(langs.get(row) + " · " + LOOK_NAMES.get(col), x + 8, y + LABEL - 8);
                    Path file = shots.resolve(name);
                    if (Files.exists(file)) {
                        g.drawImage(ImageIO.read(file.toFile()), x, y + LABEL, TILE_W, TILE_H, null);
                    } else {
                        g.setColor(Color.LIGHT_GRAY);
                        g.fillRect(x, y + LABEL, TILE_W, TILE_H);
                        g.setColor(Color.BLACK);
                        g.drawString("no shot: " + name, x + 16, y + LABEL + TILE_H / 2);
                    }
                }
            }
            g.dispose();
            Path target = out.resolve(screen + ".jpg");
            write(sheet, target);
            System.out.println(target + " (" + Files.size(target) / 1024 + " KB)");
        }
    }

    private static void write(BufferedImage image, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.85f);
        try (ImageOutputStream o = ImageIO.createImageOutputStream(Files.newOutputStream(target))) {
            writer.setOutput(o);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
    }
}
