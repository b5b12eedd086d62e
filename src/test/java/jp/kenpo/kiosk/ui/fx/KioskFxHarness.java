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
        kiosk = Kiosk.build(TestConfigs.demo(dataDir), clock, new SeededRandom(42));
        stage = FxToolkit.registerPrimaryStage();
        shell = FxToolkit.setupFixture(() -> {
            Shell sh = new Shell(kiosk.services(), () -> exited.set(true));
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

    @AfterEach
    void stopKiosk() throws Exception {
        FxToolkit.setupFixture(() -> shell.stop());
        kiosk.close();
    }

    /** Runs on the JavaFX thread and waits for the events it caused. */
    protected void fx(Runnable r) {
        interact(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected boolean present(String query) {
        Optional<Node> n = lookup(query).tryQuery();
        return n.isPresent() && n.get().isVisible() && n.get().getScene() != null;
    }

    protected void assertScreen(String screenId) {
        assertThat(present("#" + screenId)).as("screen %s is shown", screenId).isTrue();
    }

    /** Waits (polling the scene, no fixed sleep) until the query finds a visible node. */
    protected void waitFor(String query, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> present(query));
    }

    /** Types digits on the on-screen number pad. */
    protected void keypad(String digits) {
        for (char c : digits.toCharArray()) {
            clickOn("#key-" + c);
        }
    }
}
