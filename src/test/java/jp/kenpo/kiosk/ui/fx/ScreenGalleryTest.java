package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every screen to {@code target/screens/} (ja and en, normal and large text) for review,
 * and fails when a label is cut short ("…") or reaches outside the 1280×800 window: a member must
 * be able to read every word.
 *
 * <p>Run alone with {@code mvn -q test -Dtest=ScreenGalleryTest}.
 */
class ScreenGalleryTest extends KioskFxHarness {

    private static final Path OUT = Path.of(System.getProperty("kiosk.screens.dir", "target/screens"));

    private final List<String> problems = new ArrayList<>();
    private String variant;

    @ParameterizedTest(name = "{0}, large text {1}")
    @CsvSource({"ja, false", "ja, true", "en, false", "en, true"})
    void everyScreenReadsInFull(String lang, boolean large) throws Exception {
        variant = lang + (large ? ".large" : "");
        if (lang.equals("en")) {
            clickOn("#lang");
        }
        if (large) {
            clickOn("#text-size");
        }
        shot("01-welcome");

        clickOn("#start");
        shot("02-consent");
        while (lookup("#consent-agree").query().isDisabled()) {
            clickOn("#consent-more");
        }
        clickOn("#consent-agree");
        shot("03-consent-agreed");
        clickOn("#next");
        shot("04-insurer");
        keypad("01130013");
        clickOn("#next");
        shot("05-insurer-typo");
        clickOn("#key-clear");
        keypad("123455");
        clickOn("#next");
        shot("06-insurer-not-served");

        clickOn("#cancel");
        shot("07-cancel-dialog");
        clickOn("#cancel-keep");

        clock.advance(Duration.ofSeconds(95));
        fx(shell::tick);
        shot("08-idle-dialog");
        clickOn("#idle-continue");

        clickOn("#key-clear");
        keypad("01130012");
        clickOn("#next");
        shot("09-error-step-unavailable");
        clickOn("#cancel");
        clickOn("#cancel-confirm");

        if (lang.equals("en")) {
            clickOn("#lang"); // the language returned to Japanese for the next member
        }
        moveTo("#staff-entry").press(MouseButton.PRIMARY);
        waitFor("#screen-staff-pin", 5);
        release(MouseButton.PRIMARY);
        keypad("0000");
        clickOn("#pin-ok");
        waitFor("#message", 10);
        shot("10-staff-pin-wrong");
        keypad("1234");
        clickOn("#pin-ok");
        waitFor("#screen-staff", 10);
        shot("11-staff");

        assertThat(problems).as("labels cut short or outside the window").isEmpty();
    }

    private void shot(String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        interact(() -> {
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            image.set(stage.getScene().snapshot(null));
            inspect(root, name);
        });
        Files.createDirectories(OUT);
        ImageIO.write(toBuffered(image.get()), "png", OUT.resolve(name + "." + variant + ".png").toFile());
    }

    /** Records labels whose shown text is not their whole text, or that leave the window. */
    private void inspect(Node node, String screen) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Node textNode = l.lookup(".text");
            if (textNode instanceof Text t && !l.getText().equals(t.getText())) {
                problems.add(variant + " " + screen + ": '" + l.getText() + "' shows as '" + t.getText() + "'");
            }
            Bounds b = l.localToScene(l.getBoundsInLocal());
            if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > WIDTH + 1 || b.getMaxY() > HEIGHT + 1) {
                if (!insideScrollPane(l)) {
                    problems.add(variant + " " + screen + ": '" + l.getText() + "' lies outside the window at " + b);
                }
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                inspect(child, screen);
            }
        }
    }

    private static boolean insideScrollPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane) {
                return true;
            }
        }
        return false;
    }

    private static BufferedImage toBuffered(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }
}
