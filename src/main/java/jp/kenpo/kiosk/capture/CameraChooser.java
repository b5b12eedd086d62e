package jp.kenpo.kiosk.capture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.camera.TestPreview;
import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.port.CameraRequest;
import jp.kenpo.kiosk.core.port.CameraTest;
import jp.kenpo.kiosk.core.port.SettingsRepository;

/**
 * Staff's camera test over the {@link CameraService}: the USB cameras webcam-capture finds and the
 * configured virtual camera; the chosen one is kept in the settings as {@value #SETTING}
 * and, from then on and after a restart, used instead of {@code camera.source}.
 */
public final class CameraChooser implements CameraTest {

    /** The setting that keeps staff's choice ({@link SettingsRepository}). */
    public static final String SETTING = "camera.source";

    private static final Logger LOG = LoggerFactory.getLogger(CameraChooser.class);

    private final CameraService service;
    private final SettingsRepository settings;
    private final CameraSettings configured;
    private final Function<String, Path> virtualDir;
    private final Path made;
    private final Supplier<List<String>> usbNames;
    private volatile String source;

    /**
     * @param source     the source in use now ({@link #sourceAtStart})
     * @param virtualDir the folder of a {@code virtual:DIR} source, resolved as the configuration does
     * @param made       the pictures the kiosk made for a virtual camera ({@link VirtualCamera#MADE}), or null
     * @param usbNames   the USB cameras' names ({@link WebcamCamera#names()})
     */
    public CameraChooser(CameraService service, SettingsRepository settings, CameraSettings configured, String source,
                         Function<String, Path> virtualDir, Path made, Supplier<List<String>> usbNames) {
        this.service = service;
        this.settings = settings;
        this.configured = configured;
        this.source = source;
        this.virtualDir = virtualDir;
        this.made = made;
        this.usbNames = usbNames;
    }

    /** The source to start with: staff's kept choice when there is a usable one, else {@code camera.source}. */
    public static String sourceAtStart(SettingsRepository settings, CameraSettings configured) {
        Optional<String> kept;
        try {
            kept = settings.get(SETTING);
        } catch (RuntimeException e) {
            LOG.warn("the chosen camera cannot be read; camera.source is used: {}", e.getMessage());
            return configured.source();
        }
        if (kept.isPresent() && usable(kept.get())) {
            if (!kept.get().equals(configured.source())) {
                LOG.info("camera chosen by staff used instead of camera.source");
            }
            return kept.get();
        }
        return configured.source();
    }

    static boolean usable(String source) {
        return source != null && (CameraSettings.isVirtual(source) && !CameraSettings.virtualFolder(source).isEmpty()
                || source.matches("device:.+")
                || source.matches("index:\\d+"));
    }

    /** The camera a source names, at the configured size and rate. */
    public static Camera camera(CameraSettings configured, String source, Function<String, Path> virtualDir,
                                Path made) {
        CameraSettings s = configured.withSource(source);
        return CameraService.camera(s, CameraSettings.isVirtual(source) ? virtualDir.apply(source) : null, made);
    }

    @Override
    public List<Choice> cameras() {
        List<Choice> out = new ArrayList<>();
        for (String name : usbNames.get()) {
            out.add(new Choice("device:" + name, name));
        }
        for (String virtual : List.of(configured.source(), source)) {
            if (CameraSettings.isVirtual(virtual) && out.stream().noneMatch(c -> c.source().equals(virtual))) {
                out.add(new Choice(virtual, CameraSettings.virtualFolder(virtual)));
            }
        }
        if (!CameraSettings.isVirtual(source) && out.stream().noneMatch(c -> c.source().equals(source))) {
            out.add(new Choice(source, source)); // chosen, but not found now (unplugged)
        }
        return List.copyOf(out);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public synchronized void choose(String chosen) {
        if (!usable(chosen)) {
            throw new IllegalArgumentException("not a camera source: " + chosen);
        }
        settings.put(SETTING, chosen);
        if (!chosen.equals(source)) {
            service.use(camera(configured, chosen, virtualDir, made));
            source = chosen;
        }
        LOG.info("camera chosen by staff: {}", service.describe());
    }

    @Override
    public TestPreview startTest(CameraRequest request) {
        return service.startTest(request);
    }
}
