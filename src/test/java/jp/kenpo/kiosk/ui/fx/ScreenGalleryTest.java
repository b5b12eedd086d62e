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
import javafx.scene.text.Text;

import org.junit.jupiter.params.ParameterizedTest;
import org.testfx.util.WaitForAsyncUtils;

import jp.kenpo.kiosk.testing.Pictures;

/**
 * Renders every screen to {@code target/screens/} (each language, normal and large text) for review,
 * and fails when a label is cut short ("…"), reaches outside the 1280×800 window, or (at normal
 * text size) the screen needs scrolling, or when a key of an on-screen keyboard is smaller than
 * 15 mm at the configured screen density: a member must read every word and hit every key. In the
 * same walk each screen is measured by {@link ScreenAudit} (text size, touch targets, contrast in the
 * normal and the high-contrast theme, accessible names): one walk, as CI has no time for a second.
 * On the same walk the voice guide is listened to: every key it wants said on a member's screen or
 * dialog has a reading (so a clip).
 *
 * <p>Run alone with {@code mvn -q test -Dtest=ScreenGalleryTest}.
 */
class ScreenGalleryTest extends KioskFxHarness {

    private static final Path OUT = Path.of(System.getProperty("kiosk.screens.dir", "target/screens"));

    private final List<String> problems = new ArrayList<>();
    private int keysSeen;
    private String variant;
    private final VoiceGuideUiTest.Recorder voice = new VoiceGuideUiTest.Recorder(VoiceGuideUiTest.readings());

    @Override
    protected jp.kenpo.kiosk.core.port.VoicePlayer voice() {
        return voice;
    }

    /**
     * The build renders the two ends — Japanese at the normal size most members read, English at the
     * large size;
     * {@code -Dgallery.variants=all} renders every language of the demo at both sizes, and
     * {@code -Dgallery.languages=ko,vi.normal} only the languages named (at both sizes, or the one named).
     */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> variants() {
        boolean all = "all".equals(System.getProperty("gallery.variants"));
        String only = System.getProperty("gallery.languages");
        java.util.List<Object[]> variants = new ArrayList<>();
        for (String lang : jp.kenpo.kiosk.core.config.KioskLanguage.tags()) {
            for (boolean large : new boolean[] {false, true}) {
                List<String> named = only == null ? List.of() : List.of(only.split(","));
                boolean chosen = only != null ? named.contains(lang) || named.contains(lang + (large ? ".large" : ".normal"))
                        : all || (lang.equals("ja") && !large) || (lang.equals("en") && large);
                if (chosen) {
                    variants.add(new Object[] {lang, large});
                }
            }
        }
        return variants.stream().map(org.junit.jupiter.params.provider.Arguments::of);
    }

    @ParameterizedTest(name = "{0}, large text {1}")
    @org.junit.jupiter.params.provider.MethodSource("variants")
    void everyScreenReadsInFull(String lang, boolean large) throws Exception {
        variant = lang + (large ? ".large" : "");
        if (!lang.equals("ja")) {
            clickOn("#lang");
            shot("00-language-picker");
            clickOn("#lang-" + lang);
        }
        if (large) {
            clickOn("#text-size");
        }
        shot("01-welcome");

        clickOn("#start");
        shot("02-consent");
        readAndAgree();
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
        shot("08b-points-consent");
        readAndAgree();
        clickOn("#next");
        shot("09-card");
        card("1234", "200001", "1");
        clickOn("#next");
        shot("10-card-error");
        clickOn("#cardSymbol");
        clickOn("#key-clear");
        keypad("91");
        clickOn("#next");
        shot("11-basic-info");
        basicInfo("ケンコウ　タロウ", "heisei", "31", "5", "1");
        clickOn("#next");
        shot("12-basic-info-era-error");
        clickOn("#birthEra-showa");
        clickOn("#birthMonth");
        clickOn("#key-clear");
        keypad("4");
        clickOn("#next");
        shot("13-basic-confirm");
        clickOn("#next");
        waitForText("#eligibility-result", text("eligibility.eligible.title"));
        shot("14-eligible");
        clickOn("#next");
        clickOn("#email");
        keys("t", "a", "r", "o", "at");
        clickOn("#password");
        keys("k", "i", "k", "u", "1", "2", "3");
        shot("15-account");
        clickOn("#key-clear");
        clickOn("#email");
        clickOn("#key-clear");
        fillAccount("kenkou.taro@example.jp");
        clickOn("#next");
        waitFor("#otp", 10);
        mailedCode(); // the screen once the mail is sent
        shot("16-email-code");
        clickOn("#otp");
        keypad("000000".equals(demoCode()) ? "111111" : "000000");
        clickOn("#next");
        shot("17-email-code-wrong");
        clickOn("#key-clear");
        keypad(demoCode());
        clickOn("#next");
        shot("18-medical-offer");
        clickOn("#next");
        shot("18b-document-choice");
        captureScreens();
        clickOn("#back");
        for (int i = 0; i < 5; i++) {
            clickOn("#back"); // account, confirm, basic info, card
            if (present("#screen-card")) {
                break;
            }
        }
        clickOn("#cardNumber");
        clickOn("#key-delete");
        keypad("9");
        clickOn("#next");
        clickOn("#next");
        clickOn("#next");
        waitForText("#eligibility-result", text("eligibility.notFound.title"));
        shot("19-not-found");
        clickOn("#cancel");
        clickOn("#cancel-confirm");

        if (!lang.equals("ja")) {
            language(lang);
        }
        if (large) {
            clickOn("#text-size");
        }
        clickOn("#resume-qr");
        assertScreen("screen-resume-scan");
        waitForText("#message", text("resume.refusal.notAToken"));
        shot("20-resume-scan");
        clickOn("#resume-back");
        if (!lang.equals("ja")) {
            language(lang);
        }
        if (large) {
            clickOn("#text-size");
        }
        resumeAt(jp.kenpo.kiosk.core.flow.Step.RESUMED, s -> s.resumedFrom(new jp.kenpo.kiosk.core.resume.ResumeToken(
                "AAECAwQFBgcICQoLDA0ODw", "demo", clock.instant(), clock.instant().plusSeconds(3600),
                jp.kenpo.kiosk.core.resume.ResumeStep.ACCOUNT_CREATED, "01130012"), true,
                new jp.kenpo.kiosk.core.resume.SignupDraft("AAECAwQFBgcICQoLDA0ODw",
                        jp.kenpo.kiosk.core.resume.ResumeStep.ACCOUNT_CREATED, "kenkou.taro@example.jp", true, "01130012",
                        null, null, null, "ケンコウ　タロウ", null, null)));
        shot("20b-resumed");
        clickOn("#cancel");
        clickOn("#cancel-confirm");

        openPinPad();
        keypad("0000");
        clickOn("#pin-ok");
        waitFor("#message", 10);
        shot("21-staff-pin-wrong");
        keypad("1234");
        clickOn("#pin-ok");
        waitFor("#screen-staff", 10);
        waitForText("#staff-queue", text("staff.queue.counts", 0, 0));
        shot("22-staff");
        staffPages();
        clickOn("#staff-lock");

        // The later steps, reached as a resumed session (the walk above already shows the way there).
        if (!lang.equals("ja")) {
            language(lang);
        }
        if (large) {
            clickOn("#text-size");
        }
        resumeAt(jp.kenpo.kiosk.core.flow.Step.FACE_FRONT, s -> {
            s.document(jp.kenpo.kiosk.core.document.DocumentType.MY_NUMBER_CARD);
            s.documentImage(jp.kenpo.kiosk.core.session.KioskSession.Side.FRONT, new byte[] {1});
        });
        // the demo camera's rendered head: the frontal photo, then the drawn second angle
        waitForText("#message", text("face.front.ok"));
        shot("23-face-front");
        clickOn("#next");
        assertScreen("screen-face-angle");
        waitForText("#message", text("face.angle.ok"));
        shot("23b-face-angle");
        clickOn("#cancel");
        clickOn("#cancel-confirm");
        if (!lang.equals("ja")) {
            language(lang);
        }
        if (large) {
            clickOn("#text-size");
        }
        resumeAt(jp.kenpo.kiosk.core.flow.Step.SECRET_QUESTION, s -> {
            s.document(jp.kenpo.kiosk.core.document.DocumentType.MY_NUMBER_CARD);
            s.documentImage(jp.kenpo.kiosk.core.session.KioskSession.Side.FRONT, Pictures.cardFront());
            s.faceImage("frontal_mouth_closed", Pictures.drawnFace(0));
            s.closedMouth(0.01);
            s.faceImage("right_mouth_closed", Pictures.drawnFace(-1));
            s.livenessPassed(true);
        });
        shot("24-secret-question");
        staffOverTheSession();
        if (present("#secretQuestion-change")) { // folded to the chosen question: listed again first
            clickOn("#secretQuestion-change");
            shot("24c-secret-question-list");
        }
        clickOn("#secretQuestion-pet");
        clickOn("#secretAnswer");
        kana("ポチ");
        shot("25-secret-question-preset");
        clickOn("#next");
        waitFor("#screen-confirm", 10);
        shot("26-confirm");
        clickOn("#submit");
        waitFor("#screen-done", 10);
        shot("27-done");
        clickOn("#done-finish");
        assertScreen("screen-welcome");
        // The other answers of the central service: registered at once, refused.
        for (var outcome : List.of(jp.kenpo.kiosk.core.session.RegistrationOutcome.COMPLETE,
                jp.kenpo.kiosk.core.session.RegistrationOutcome.REFUSED)) {
            if (!lang.equals("ja")) {
                language(lang);
            }
            if (large) {
                clickOn("#text-size");
            }
            resumeAt(jp.kenpo.kiosk.core.flow.Step.DONE, s -> s.submitted("K07-0002", outcome));
            shot("27" + (outcome == jp.kenpo.kiosk.core.session.RegistrationOutcome.COMPLETE ? "b-done-complete"
                    : "c-done-refused"));
            clickOn("#done-finish");
        }

        assertThat(problems).as("labels cut short or outside the window, small keys, small text or controls, "
                + "low contrast, controls without an accessible name").isEmpty();
        assertThat(keysSeen).as("the key check saw the keyboards").isGreaterThan(100);
        assertThat(voice.withoutReading()).as("keys the voice guide wanted said without a reading in voice_ja.properties"
                + " (staff's pages are not spoken)").allMatch(k -> k.startsWith("staff.") || k.startsWith("staffPanel."));
        assertThat(voice.plays()).as("the walk was spoken: the dialogs too")
                .anyMatch(p -> p.endsWith(" cancel.question cancel.explain"))
                .anyMatch(p -> p.endsWith(" idle.question idle.secondsLeft"));
    }

    /**
     * The capture screens on the gallery's camera: a good card held (green outline), the review, the
     * remarks question, a blurry back (orange outline) and the camera gone.
     */
    private void captureScreens() throws Exception {
        clickOn("#doc-drivers_license");
        waitForText("#message", text("capture.hold"));
        shot("18c-capture-front");
        clickOn("#shutter");
        waitFor("#retake", 10);
        shot("18d-capture-review");
        clickOn("#next");
        shot("18e-remarks");
        clickOn("#remarks-yes");
        waitForText("#message", text("capture.reason.blurry"));
        shot("18f-capture-back-blurry");
        Path away = camera.resolveSibling("camera-away");
        Files.move(camera, away);
        waitForText("#message", text("capture.camera.unavailable"));
        shot("18g-camera-unavailable");
        Files.move(away, camera);
        clickOn("#back");
        clickOn("#back");
        clickOn("#back");
        assertScreen("screen-document-choice");
    }

    /**
     * Staff's pages: the camera test with the card analyzer's readings on the gallery's camera, and
     * two refused registrations (put in the outbox here: nothing sends them in the gallery).
     */
    private void staffPages() throws Exception {
        clickOn("#staff-camera-test");
        waitFor("#screen-staff-camera", 10);
        String found = text("staff.camera.cardReadings", text("staff.camera.yes"), 0, 0, 0, 0, 0, "", "").split("\n")[0];
        javafx.scene.control.Label readings = lookup("#camera-readings").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Label rate = lookup("#camera-rate").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> readings.getText().startsWith(found) && rate.getText().matches(".*[1-9].*"));
        waitFor("#camera-choice-0", 15); // the cameras to choose from, listed in the background
        shot("22b-camera-test");
        clickOn("#staff-back");
        waitFor("#screen-staff", 10);

        var outbox = new jp.kenpo.kiosk.store.SqliteOutbox(kiosk.database());
        outbox.enqueue("g1", "K07", clock.instant(), new byte[] {1});
        outbox.enqueue("g2", "K07", clock.instant(), new byte[] {2});
        outbox.needsAttention("g1", jp.kenpo.kiosk.core.port.DeliveryReason.NOT_ELIGIBLE, "422 not_eligible", null);
        outbox.needsAttention("g2", jp.kenpo.kiosk.core.port.DeliveryReason.ALREADY_REGISTERED, "409", null);
        clickOn("#staff-refused");
        waitFor("#refused-K07-0002", 10);
        shot("22c-refused");
        clickOn("#staff-back");
        waitFor("#screen-staff", 10);
    }

    /**
     * A member calls staff on the secret question: the call screen, then staff's PIN and their
     * panel over the session, the document beside the face photos; 戻る returns to the member.
     */
    private void staffOverTheSession() throws Exception {
        clickOn("#call-staff");
        assertScreen("screen-staff-call");
        shot("24a-staff-call");
        clickOn("#staff-open");
        staffPinOverSession("1234");
        shot("24b-staff-panel");
        clickOn("#staff-return");
        assertScreen("screen-secret-question");
    }

    private String text(String key, Object... args) {
        return kiosk.services().i18n().get(key, args);
    }

    private Path camera;

    /**
     * The demo, with a camera that shows a good card front (held long before it is taken), a blurry
     * back, and the demo camera's faces.
     */
    @Override
    protected jp.kenpo.kiosk.core.config.KioskConfig config(Path dataDir) {
        camera = dataDir.resolve("camera");
        try {
            jp.kenpo.kiosk.capture.CameraFolders.write(camera.resolve("card-front"), "front.png",
                    jp.kenpo.kiosk.capture.CardFixtures.Kind.GOOD, 7, jp.kenpo.kiosk.capture.CardFixtures::card);
            jp.kenpo.kiosk.capture.CameraFolders.write(camera.resolve("card-back"), "back.png",
                    jp.kenpo.kiosk.capture.CardFixtures.Kind.BLURRY, 8, jp.kenpo.kiosk.capture.CardFixtures::back);
            // a QR code that is not the app's: the scan screen shows the code and its refusal
            jp.kenpo.kiosk.central.DemoSignups.writeQrPng("https://example.jp/app", camera.resolve("qr").resolve("code.png"),
                    1280, 720);
            // the face steps on the demo camera's own pictures
            try (var folders = Files.newDirectoryStream(Path.of("kiosk-config", "demo-camera"), "face-*")) {
                for (Path folder : folders) {
                    Path to = Files.createDirectories(camera.resolve(folder.getFileName().toString()));
                    try (var pictures = Files.newDirectoryStream(folder)) {
                        for (Path picture : pictures) {
                            Files.copy(picture, to.resolve(picture.getFileName().toString()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var demo = jp.kenpo.kiosk.testing.TestConfigs.demo(dataDir);
        return jp.kenpo.kiosk.testing.TestConfigs.withCamera(demo,
                new jp.kenpo.kiosk.core.config.CameraSettings("virtual:" + camera, 1280, 720, 30, 60, 45));
    }

    private void shot(String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        // Taken and measured on the JavaFX thread; the next tap waits for what this left pending.
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            image.set(stage.getScene().snapshot(null));
            inspect(root, name);
            audit(root, image.get(), name);
            // At normal text size a screen must fit without scrolling; large text may scroll.
            var scroller = (javafx.scene.control.ScrollPane) root.lookup("#content-scroll");
            double contentHeight = scroller.getContent().getLayoutBounds().getHeight();
            double viewport = scroller.getViewportBounds().getHeight();
            if (!variant.endsWith("large") && contentHeight > viewport + 1) {
                problems.add(variant + " " + name + ": the screen needs scrolling (" + Math.round(contentHeight)
                        + " px in " + Math.round(viewport) + " px)");
            } else if (contentHeight > viewport + 1) {
                System.out.println("gallery: " + variant + " " + name + " scrolls (" + Math.round(contentHeight)
                        + " px in " + Math.round(viewport) + " px)");
            }
        }));
        Files.createDirectories(OUT);
        write(image.get(), OUT.resolve(name + "." + variant + ".png"));
        if (contrastShot.get() != null) {
            write(contrastShot.get(), OUT.resolve(name + "." + variant + ".contrast.png"));
        }
    }

    /** Writes the pictures while the walk goes on (a snapshot is not changed once taken); awaited after the test. */
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
    private final List<java.util.concurrent.Future<?>> writes = new ArrayList<>();

    private void write(WritableImage image, Path file) {
        writes.add(writer.submit(() -> {
            ImageIO.write(toBuffered(image), "png", file.toFile());
            return null;
        }));
    }

    /** Every picture is written, or the test fails with the reason. */
    @org.junit.jupiter.api.AfterEach
    void picturesWritten() throws Exception {
        writer.shutdown();
        for (var w : writes) {
            w.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private final AtomicReference<WritableImage> contrastShot = new AtomicReference<>();

    /**
     * Measures the screen as a member at arm's length needs it (see {@link ScreenAudit}): text at least
     * 24 px (32 px with large text), titles 36 px (48 px), controls 15 mm and buttons and fields 64 px
     * tall, text contrast 4.5:1 — and, drawn again in the high-contrast theme (the header's toggle,
     * pressed and released within this one walk), 7:1.
     */
    private void audit(Parent root, WritableImage image, String name) {
        // the size the screen is drawn at (the picker comes before the toggle, staff's screens reset it)
        boolean large = root.getStyleClass().contains("text-large");
        double mm15 = kiosk.config().display().mmToPx(15);
        String where = variant + " " + name;
        new ScreenAudit(large ? 32 : 24, large ? 48 : 36, mm15, 64, 4.5).check(root, image, where, problems::add);
        var contrast = (javafx.scene.control.ButtonBase) root.lookup("#" + jp.kenpo.kiosk.ui.AutomationIds.CONTRAST);
        contrast.fire();
        root.applyCss();
        root.layout();
        contrastShot.set(stage.getScene().snapshot(null));
        new ScreenAudit(large ? 32 : 24, large ? 48 : 36, mm15, 64, 7).checkContrast(root, contrastShot.get(),
                where + " (high contrast)", problems::add);
        contrast.fire();
        root.applyCss();
        root.layout();
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
        if (node.getStyleClass().contains("key")) {
            double min = kiosk.config().display().mmToPx(15) - 0.5;
            Bounds k = node.getLayoutBounds();
            if (k.getWidth() < min || k.getHeight() < min) {
                problems.add(variant + " " + screen + ": key " + node.getId() + " is " + Math.round(k.getWidth()) + "×"
                        + Math.round(k.getHeight()) + " px, under 15 mm (" + Math.round(min) + " px)");
            }
            keysSeen++;
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
