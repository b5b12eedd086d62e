package jp.kenpo.kiosk.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Pictures for screens that show captures: the demo licence, and a drawn (not a real) face. */
public final class Pictures {

    private Pictures() {
    }

    /** The synthetic demo licence front as the kiosk would have stored it. */
    public static byte[] cardFront() {
        try {
            return Files.readAllBytes(Path.of("kiosk-config/demo-camera/card-front/licence-front.jpg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A drawn head, facing the camera or turned ({@code turn} −1..1), as a JPEG. */
    public static byte[] drawnFace(double turn) {
        BufferedImage img = new BufferedImage(480, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xdfe6ee));
        g.fillRect(0, 0, 480, 480);
        g.setColor(new Color(0x4a5a6a));
        g.fillRoundRect(90, 360, 300, 160, 120, 120);
        g.setColor(new Color(0xe8c4a0));
        g.fillOval(150, 110, 180, 230);
        int shift = (int) Math.round(turn * 40);
        g.setColor(new Color(0x3a2a20));
        g.fillOval(195 + shift, 200, 18, 12);
        g.fillOval(267 + shift, 200, 18, 12);
        g.setStroke(new BasicStroke(4));
        g.drawLine(240 + shift, 215, 240 + shift + (int) (turn * 12), 262);
        g.drawArc(212 + shift, 275, 56, 20, 200, 140);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
