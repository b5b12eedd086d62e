package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;
import jp.kenpo.kiosk.app.Kiosk;
import jp.kenpo.kiosk.app.KioskApp;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.ui.shell.Shell;

/**
 * The kiosk's shell in a headless stage (Monocle) with a clock the test moves and a temporary data
 * directory. Tests drive it by automation ids only.
 */
public abstract class KioskFxHarness extends FxRobot {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    @TempDir
    protected Path dataDir;

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
    protected final AtomicBoolean exited = new AtomicBoolean();
    protected Kiosk kiosk;
    protected Shell shell;
    protected Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        stageOnce();
    }

    static synchronized Stage stageOnce() throws Exception {
        Stage s = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        return s;
    }

    @BeforeEach
    void startKiosk() throws Exception {
        kiosk = Kiosk.build(config(dataDir), clock, new SeededRandom(42));
        stage = FxToolkit.registerPrimaryStage();
        shell = FxToolkit.setupFixture(() -> {
            Shell sh = new Shell(services(), () -> exited.set(true), voice());
            Scene scene = new Scene(sh.root(), WIDTH, HEIGHT);
            scene.getStylesheets().add(KioskApp.class.getResource(KioskApp.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            stage.show();
            return sh;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the shell is given: the kiosk's own, unless a test class looks on. */
    protected jp.kenpo.kiosk.ui.shell.ShellServices services() {
        return kiosk.services();
    }

    /**
     * What speaks the voice guidance: a player that has every clip and plays none, so that the header
     * shows 「音声 オン」 as on a kiosk with voice, unless a test class listens.
     */
    protected jp.kenpo.kiosk.core.port.VoicePlayer voice() {
        return MUTE;
    }

    static final jp.kenpo.kiosk.core.port.VoicePlayer MUTE = new jp.kenpo.kiosk.core.port.VoicePlayer() {
        @Override
        public boolean has(String language, String name) {
            return true;
        }

        @Override
        public void play(String language, java.util.List<String> names) {
        }

        @Override
        public void stop() {
        }
    };

    /** The configuration the kiosk runs on: the demo, unless a test class says otherwise. */
    protected jp.kenpo.kiosk.core.config.KioskConfig config(Path dataDir) {
        return TestConfigs.demo(dataDir);
    }

    @AfterEach
    void stopKiosk() throws Exception {
        FxToolkit.setupFixture(() -> shell.stop());
        kiosk.close();
    }

    /**
     * A tap on the first visible node of {@code query} as TestFX's own {@code clickOn} makes it (the
     * same node, the same point on it, the same press and release), with waits only where something
     * can still be on its way: pending JavaFX work finishes before the query (a screen change still in
     * flight could hand it a node already detached), and after the release TestFX lets the events the
     * tap caused through. The pointer jumps to the point and the button goes down without TestFX's
     * wait after the move: the robot's events run in order on the JavaFX thread, so the press lands
     * where the move put the pointer all the same.
     */
    @Override
    public org.testfx.api.FxRobotInterface clickOn(String query, javafx.scene.input.MouseButton... buttons) {
        WaitForAsyncUtils.waitForFxEvents(2);
        if (WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> lookup(query).tryQuery().map(KioskFxHarness::scrollTo).orElse(false)))) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        // Looked up and measured on the JavaFX thread; a query that finds nothing fails here, as TestFX's does.
        Object at = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> lookup(query).tryQuery().isEmpty()
                ? "the query \"" + query + "\" returned no nodes."
                : lookup(query).match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery()
                        .<Object>map(n -> point(n).query())
                        .orElse("the query \"" + query + "\" returned no visible nodes.")));
        if (at instanceof String problem) {
            throw new org.testfx.api.FxRobotException(problem);
        }
        robotContext().getMouseRobot().moveNoWait((javafx.geometry.Point2D) at);
        robotContext().getClickRobot().clickOn(buttons);
        return this;
    }

    /**
     * Scrolls the screen (large text may need it) until {@code n} is in sight, as a member's finger
     * would before touching it; a screen that fits is left as it is. True when it scrolled.
     */
    static boolean scrollTo(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp && "content-scroll".equals(sp.getId())) {
                double content = sp.getContent().getLayoutBounds().getHeight();
                double view = sp.getViewportBounds().getHeight();
                if (content <= view + 1) {
                    return false;
                }
                javafx.geometry.Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds()));
                double top = (sp.getVvalue() - sp.getVmin()) / (sp.getVmax() - sp.getVmin()) * (content - view);
                if (b.getMinY() >= top && b.getMaxY() <= top + view) {
                    return false;
                }
                double to = Math.max(0, Math.min(content - view, b.getCenterY() - view / 2));
                sp.setVvalue(sp.getVmin() + to / (content - view) * (sp.getVmax() - sp.getVmin()));
                sp.layout();
                return true;
            }
        }
        return false;
    }

    /** Chooses a language on the header's picker by its tag of {@code kiosk.languages} ({@code en}, {@code zh-CN}). */
    protected void language(String tag) {
        clickOn("#lang");
        clickOn("#lang-" + tag);
    }

    /** Runs on the JavaFX thread and waits for the events it caused. */
    protected void fx(Runnable r) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(r));
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected boolean present(String query) {
        Optional<Node> n = lookup(query).tryQuery();
        if (n.isEmpty() || n.get().getScene() == null) {
            return false;
        }
        for (Node p = n.get(); p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    protected void assertScreen(String screenId) {
        assertThat(present("#" + screenId)).as("screen %s is shown", screenId).isTrue();
    }

    /** Waits (polling the scene, no fixed sleep) until the query finds a visible node. */
    protected void waitFor(String query, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> present(query));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types digits on the on-screen number pad. */
    protected void keypad(String digits) {
        for (char c : digits.toCharArray()) {
            clickOn("#key-" + c);
        }
    }

    // ---- the journey, as a member taps it -------------------------------------------------

    /** Taps keys by their automation ids ({@code #key-X}). */
    protected void keys(String... labels) {
        for (String l : labels) {
            clickOn("#key-" + l);
        }
    }

    protected static final String SMALL = "ァィゥェォッャュョ";
    protected static final String BIG = "アイウエオツヤユヨ";

    /**
     * Types a kana text as a member would on the 50-on keyboard: ド is ト then ゛, パ is ハ then ゜,
     * ッ is ツ then 小; 　 is the space key.
     */
    protected void kana(String s) {
        for (char c : s.toCharArray()) {
            if (c == '　') {
                clickOn("#key-space");
                continue;
            }
            String nfd = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
            int small = SMALL.indexOf(c);
            char base = small >= 0 ? BIG.charAt(small) : nfd.charAt(0);
            clickOn("#key-" + base);
            if (small >= 0) {
                clickOn("#key-small");
            } else if (nfd.length() > 1) {
                clickOn(nfd.charAt(1) == '\u3099' ? "#key-dakuten" : "#key-handakuten");
            }
        }
    }

    protected void toInsurer() {
        clickOn("#start");
        readAndAgree();
        clickOn("#next");
        assertScreen("screen-insurer");
    }

    /** Reads the consent text on screen to its end and ticks the agree box. */
    protected void readAndAgree() {
        javafx.scene.control.CheckBox agree = lookup("#consent-agree").queryAs(javafx.scene.control.CheckBox.class);
        for (int i = 0; i < 30 && agree.isDisabled(); i++) {
            clickOn("#consent-more");
        }
        clickOn("#consent-agree");
    }

    /** To the card screen of the demo union, which runs points: its points terms come first. */
    protected void toCard() {
        toInsurer();
        keypad("01130012");
        clickOn("#next");
        assertScreen("screen-points-consent");
        readAndAgree();
        clickOn("#next");
        assertScreen("screen-card");
    }

    protected void card(String symbol, String number, String branch) {
        clickOn("#memberType-insured");
        clickOn("#cardSymbol");
        keypad(symbol);
        clickOn("#cardNumber");
        keypad(number);
        clickOn("#cardBranch");
        keypad(branch);
    }

    protected void basicInfo(String kanaName, String era, String y, String m, String d) {
        clickOn("#kanaName");
        kana(kanaName);
        clickOn("#birthEra-" + era);
        clickOn("#birthYear");
        keypad(y);
        clickOn("#birthMonth");
        keypad(m);
        clickOn("#birthDay");
        keypad(d);
    }

    protected void waitForText(String id, String expected) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> expected.equals(lookup(id).queryAs(javafx.scene.control.Label.class).getText()));
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " shows '"
                    + lookup(id).queryAs(javafx.scene.control.Label.class).getText() + "'");
        }
    }


    /** From the welcome screen to the account screen as the demo roster's ケンコウ タロウ. */
    protected void toAccount() {
        toCard();
        card("91", "200001", "1");
        clickOn("#next");
        basicInfo("ケンコウ　タロウ", "showa", "31", "4", "1");
        clickOn("#next");
        clickOn("#next");
        waitForText("#eligibility-result", "保険証の確認ができました");
        clickOn("#next");
        assertScreen("screen-account");
    }

    /** Types an address (letters, digits, . and @ only) on the alphanumeric keyboard. */
    protected void typeAddress(String address) {
        for (char c : address.toCharArray()) {
            clickOn("#key-" + (c == '@' ? "at" : c == '.' ? "dot" : String.valueOf(c)));
        }
    }

    protected void fillAccount(String email) {
        clickOn("#email");
        typeAddress(email);
        clickOn("#emailConfirm");
        typeAddress(email);
        clickOn("#password");
        keys("shift", "m", "i", "d", "o", "r", "i", "7", "bang", "s");
    }

    /** A long press (2 s on the kiosk's clock) on the welcome screen's corner opens the staff PIN pad. */
    protected void openPinPad() throws Exception {
        moveTo("#staff-entry").press(javafx.scene.input.MouseButton.PRIMARY);
        clock.advance(java.time.Duration.ofSeconds(2));
        fx(shell::tick);
        waitFor("#screen-staff-pin", 5);
        release(javafx.scene.input.MouseButton.PRIMARY);
    }

    /**
     * Staff's PIN typed on the pad over the member's session (opened from the call screen or the
     * corner), up to the staff panel; the keys are the pad's, not those of the member's keyboard below.
     */
    protected void staffPinOverSession(String digits) throws Exception {
        waitFor("#screen-staff-pin", 5);
        clickOn("#pin");
        for (char c : digits.toCharArray()) {
            Node pad = lookup("#screen-staff-pin").query();
            clickOn(from(pad).lookup("#key-" + c).<Node>query());
        }
        clickOn("#pin-ok");
        waitFor("#screen-staff-panel", 15);
    }

    /** From a filled account screen: 次へ, the demo mail's code typed, on to the medical offer; returns the code. */
    protected String verifyEmail() throws Exception {
        clickOn("#next");
        waitFor("#otp", 10);
        String code = mailedCode();
        clickOn("#otp");
        keypad(code);
        clickOn("#next");
        assertScreen("screen-medical-offer");
        return code;
    }

    /**
     * From the medical offer on the demo camera: the My Number card, both face photos, the secret question
     * 「スキナイロ」/「ミドリ」, to the final confirmation; returns the second angle's instruction.
     */
    protected String photographAndSetTheSecretQuestion() throws Exception {
        clickOn("#next");
        clickOn("#doc-my_number_card");
        waitFor("#retake", 15);
        clickOn("#next");
        assertScreen("screen-face-front");
        waitForText("#message", "写真判定OK");
        clickOn("#next");
        assertScreen("screen-face-angle");
        String instruction = lookup("#instruction").queryAs(javafx.scene.control.Label.class).getText();
        waitForText("#message", "写真判定OK");
        clickOn("#next");
        assertScreen("screen-secret-question");
        clickOn("#secretQuestionCustom");
        kana("スキナイロ");
        clickOn("#secretAnswer");
        kana("ミドリ");
        clickOn("#next");
        waitFor("#screen-confirm", 10);
        return instruction;
    }

    /**
     * The code of the mail the email code screen sent, once the screen says it was sent: a member
     * reads it only then, and the screen takes a code only then (while the mail is on its way the
     * file may still be written, and 次へ stays hidden).
     */
    protected String mailedCode() throws Exception {
        String sending = kiosk.services().i18n().get("otp.sending");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !sending.equals(lookup("#otp-sent-to").queryAs(javafx.scene.control.Label.class).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        return demoCode();
    }

    /** The code in the newest demo mail (the demo writes mail to a folder). */
    protected String demoCode() {
        try (var files = java.nio.file.Files.list(kiosk.config().resolve(kiosk.config().mail().folder()))) {
            java.nio.file.Path newest = files.max(java.util.Comparator.comparing(java.nio.file.Path::toString)).orElseThrow();
            String mail = new String(java.util.Base64.getMimeDecoder().decode(
                    java.nio.file.Files.readString(newest).split("\r?\n\r?\n", 2)[1].strip()), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{6})").matcher(mail);
            return m.find() ? m.group(1) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Starts a session at the document choice as if the member had come through membership, account
     * and a verified email (the screens before are walked in their own tests).
     */
    protected void resumeAtDocumentChoice() {
        resumeAt(jp.kenpo.kiosk.core.flow.Step.DOCUMENT_CHOICE, s -> {
        });
        assertScreen("screen-document-choice");
    }

    /** Starts a session at {@code step} after what {@code more} adds to a member up to the document choice. */
    protected void resumeAt(jp.kenpo.kiosk.core.flow.Step step, java.util.function.Consumer<jp.kenpo.kiosk.core.session.KioskSession> more) {
        fx(() -> shell.resume(step, s -> {
            s.consented(java.util.List.of("terms", "privacy"));
            s.union(jp.kenpo.kiosk.core.member.InsurerNumber.parse("01130012").value(), true);
            s.card("91", "200001", "1", jp.kenpo.kiosk.core.member.MemberType.INSURED);
            s.person("ケンコウ　タロウ", java.time.LocalDate.of(1956, 4, 1));
            s.account("kenkou.taro@example.jp", "Midori7!s".toCharArray(), null);
            s.emailVerified(true);
            s.medicalChosen(true);
            more.accept(s);
        }));
    }
}
