package jp.kenpo.kiosk.app;

import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the kiosk's window back to full screen, on top and not minimised whenever it loses that outside
 * staff mode — a dialog of the operating system, a stray key the kiosk session did not catch, a display
 * that was unplugged and plugged in again. The kiosk session (docs/architecture.md, packaging) blocks the
 * operating system's key combinations; this is the window's own second line. Staff mode lets it go, so
 * that an administrator can reach the desktop.
 */
public final class FullScreenKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(FullScreenKeeper.class);

    private final Stage stage;
    private final BooleanSupplier mayLeave;
    private int restored;

    private FullScreenKeeper(Stage stage, BooleanSupplier mayLeave) {
        this.stage = stage;
        this.mayLeave = mayLeave;
    }

    /** Keeps {@code stage} full screen from now on, unless {@code mayLeave} says yes at that moment. */
    public static FullScreenKeeper keep(Stage stage, BooleanSupplier mayLeave) {
        FullScreenKeeper keeper = new FullScreenKeeper(stage, mayLeave);
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now) {
                keeper.later();
            }
        });
        stage.iconifiedProperty().addListener((o, was, now) -> {
            if (now) {
                keeper.later();
            }
        });
        return keeper;
    }

    /** How many times the window was put back (for the log and the tests). */
    public int restored() {
        return restored;
    }

    private void later() {
        // After the change that took it away has finished, not inside its listener.
        Platform.runLater(this::restore);
    }

    void restore() {
        if (mayLeave.getAsBoolean() || !stage.isShowing()) {
            return;
        }
        if (stage.isFullScreen() && !stage.isIconified()) {
            return;
        }
        restored++;
        LOG.warn("the kiosk window left full screen outside staff mode; restored ({} so far)", restored);
        stage.setIconified(false);
        stage.setFullScreen(true);
        stage.setAlwaysOnTop(true);
        stage.toFront();
    }
}
