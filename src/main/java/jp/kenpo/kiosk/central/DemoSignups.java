package jp.kenpo.kiosk.central;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import jp.kenpo.kiosk.core.resume.ResumeStep;

/**
 * Made-up signups for demonstrations: the draft of a member who began in the app (the demo roster's
 * ケンコウ タロウ; nobody's real data) and the resume token's QR code as a PNG image, as the central
 * service would print it on a slip.
 */
public final class DemoSignups {

    public static final String KANA_NAME = "ケンコウ タロウ";
    public static final String EMAIL = "kenko.taro@example.jp";
    public static final String BIRTH_DATE = "1956-04-01";
    public static final String CARD_SYMBOL = "91";
    public static final String CARD_NUMBER = "200001";
    public static final String CARD_BRANCH = "01";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoSignups() {
    }

    /**
     * A SignupDraft: the account made in the app, the member's name and, when {@code membershipDone}
     * (always for {@code identity_verified}), the card and birthdate entered there.
     */
    public static String draft(ResumeStep step, String insurer, boolean membershipDone) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stepReached", step.wire());
        d.put("email", EMAIL);
        d.put("emailVerified", true);
        d.put("insurerNumber", insurer);
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("kanaName", KANA_NAME);
        if (membershipDone || step == ResumeStep.IDENTITY_VERIFIED) {
            d.put("card", Map.of("symbol", CARD_SYMBOL, "number", CARD_NUMBER, "branch", CARD_BRANCH));
            member.put("birthDate", BIRTH_DATE);
            member.put("memberType", "insured");
        }
        d.put("member", member);
        try {
            return JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code text} as a QR code (error correction M, a quiet zone of 4 modules), {@code size} pixels square, as PNG. */
    public static void writeQrPng(String text, Path png, int size) throws IOException {
        writeQrPng(text, png, size, size);
    }

    /**
     * The same on a white picture of {@code width} × {@code height} (a camera's frame, for a virtual
     * camera, which scales its images to its frame size), the code square in its middle.
     */
    public static void writeQrPng(String text, Path png, int width, int height) throws IOException {
        int size = Math.min(width, height);
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IOException("the text does not fit a QR code", e);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int dx = (width - m.getWidth()) / 2;
        int dy = (height - m.getHeight()) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int mx = x - dx;
                int my = y - dy;
                boolean dark = mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my);
                img.setRGB(x, y, dark ? 0xff000000 : 0xffffffff);
            }
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".qr-", ".png");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
