package jp.kenpo.kiosk.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import atlantafx.base.theme.PrimerLight;
import jp.kenpo.kiosk.app.config.ConfigException;
import jp.kenpo.kiosk.app.config.ConfigLoader;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.ui.shell.Shell;

/**
 * The kiosk window. Full screen and undecorated, with no key that leaves full screen; a close
 * request is refused unless staff mode is unlocked. {@code --windowed} gives a normal window for
 * development. Accepts {@code --config FILE}, {@code --windowed} and {@code --log-dir DIR} as
 * application parameters; launched directly, it logs below the data directory unless told.
 */
public final class KioskApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);
    public static final String STYLESHEET = "/jp/kenpo/kiosk/ui/kiosk.css";

    /** Set by the command line ({@code cli.Main}) before launch, so the configuration is loaded (and checked) only once. */
    private static volatile Kiosk prepared;
    private static volatile boolean preparedWindowed;

    private Kiosk kiosk;
    private Shell shell;

    public static void prepare(Kiosk kiosk, boolean windowed) {
        prepared = kiosk;
        preparedWindowed = windowed;
    }

    @Override
    public void start(Stage stage) throws Exception {
        boolean windowed;
        if (prepared != null) {
            kiosk = prepared;
            windowed = preparedWindowed;
        } else {
            List<String> raw = getParameters().getRaw();
            windowed = raw.contains("--windowed");
            String file = getParameters().getNamed().getOrDefault("config", option(raw, "--config"));
            KioskConfig config;
            try {
                config = ConfigLoader.withSystemEnvironment().load(Path.of(file == null ? ConfigLoader.DEFAULT_FILE : file));
            } catch (ConfigException e) {
                System.err.println(e.getMessage());
                Platform.exit();
                return;
            }
            startLogFile(LogFiles.folder(logDirOption(getParameters().getNamed(), raw), config.dataDir()));
            kiosk = Kiosk.build(config);
        }
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        shell = new Shell(kiosk.services(), Platform::exit, kiosk.voice());
        Scene scene = new Scene(shell.root());
        scene.getStylesheets().add(KioskApp.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Kenpo Kiosk");
        if (windowed) {
            stage.setWidth(1280);
            stage.setHeight(800);
        } else {
            stage.initStyle(StageStyle.UNDECORATED);
            Rectangle2D bounds = Screen.getPrimary().getBounds();
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
            stage.setAlwaysOnTop(true);
        }
        stage.setOnCloseRequest(e -> {
            if (!windowed && !shell.allowsClose()) {
                LOG.info("close request refused outside staff mode");
                e.consume();
            }
        });
        stage.show();
        if (!windowed) {
            FullScreenKeeper.keep(stage, shell::allowsClose);
        }
        shell.start();
        kiosk.startSync();
        long sinceJvmStart = ManagementFactory.getRuntimeMXBean().getUptime();
        LOG.info("welcome screen shown {} ms after JVM start ({})", sinceJvmStart, windowed ? "windowed" : "full screen");
    }

    /** {@code --log-dir DIR} (or {@code --log-dir=DIR}) among the application's parameters, or null. */
    static Path logDirOption(java.util.Map<String, String> named, List<String> raw) {
        String dir = named.getOrDefault("log-dir", option(raw, "--log-dir"));
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    private static void startLogFile(Path dir) {
        try {
            LogFiles.writeTo(dir);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("the log folder " + dir + " cannot be used (" + e.getMessage()
                    + "); the log goes to standard error only");
        }
    }

    private static String option(List<String> raw, String name) {
        int i = raw.indexOf(name);
        return i >= 0 && i + 1 < raw.size() ? raw.get(i + 1) : null;
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.stop();
        }
        if (kiosk != null) {
            kiosk.close();
        }
        LOG.info("kiosk stopped");
    }
}
