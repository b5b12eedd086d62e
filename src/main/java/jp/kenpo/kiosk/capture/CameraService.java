package jp.kenpo.kiosk.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.camera.CameraPreview;
import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.config.MaskRegion;
import jp.kenpo.kiosk.core.port.CameraRequest;
import jp.kenpo.kiosk.core.port.DocumentCamera;
import jp.kenpo.kiosk.core.port.FaceCamera;
import jp.kenpo.kiosk.core.camera.FacePreview;
import jp.kenpo.kiosk.core.face.FaceJudge;

/**
 * The kiosk's one camera thread. It opens the camera when a screen asks for a preview, grabs
 * frame after frame at the camera's rate, runs each through the current job's stages and lets go
 * of the device a little after the last preview closed. A camera that is missing, fails to open or
 * disappears mid-preview is reported as unavailable and tried again every {@link #RETRY_MILLIS}
 * — the screen never freezes and recovers by itself when the camera is back.
 */
public final class CameraService implements DocumentCamera, FaceCamera, jp.kenpo.kiosk.core.port.QrCamera, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraService.class);
    static final long RETRY_MILLIS = 1000;
    private static final long IDLE_CLOSE_MILLIS = 3000;

    /** The camera in use; replaced only by the camera thread, from {@link #replacement}. */
    private volatile Camera camera;
    /** A camera staff chose, waiting for the camera thread to take it over; null when none. */
    private final AtomicReference<Camera> replacement = new AtomicReference<>();
    private final CameraSettings settings;
    private final AtomicReference<CameraJob> job = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean shutdown;
    /** The camera could not be opened or was lost (said once in the log), until it works again. */
    private volatile boolean down;

    public CameraService(Camera camera, CameraSettings settings) {
        this.camera = camera;
        this.settings = settings;
        this.thread = new Thread(this::run, "camera");
        thread.setDaemon(true);
    }

    /** The camera the configuration names: {@code virtual:DIR}, {@code device:NAME} or {@code index:N}. */
    public static Camera camera(CameraSettings s, Path virtualDir) {
        return camera(s, virtualDir, null);
    }

    /**
     * As {@link #camera(CameraSettings, Path)}; a virtual camera also plays the pictures the kiosk made for it
     * under {@code made} ({@link VirtualCamera#MADE} in the data folder).
     */
    public static Camera camera(CameraSettings s, Path virtualDir, Path made) {
        if (CameraSettings.isVirtual(s.source())) {
            return new VirtualCamera(virtualDir, made, s.width(), s.height(), s.fps());
        }
        return new WebcamCamera(s.source(), s.width(), s.height(), s.fps());
    }

    @Override
    public CameraPreview start(CameraRequest request, List<MaskRegion> masks) {
        return start(new CardJob(request, masks, settings.steadyFrames()));
    }

    @Override
    public FacePreview startFace(CameraRequest request, FaceJudge judge) {
        return start(new FaceJob(request, judge, settings.steadyFrames()));
    }

    /** Staff's camera test: a preview with the analyzers' readings (docs/architecture.md §7). */
    public jp.kenpo.kiosk.core.camera.TestPreview startTest(CameraRequest request) {
        return start(new TestJob(request));
    }

    /** Uses {@code next} from the next frame on; the camera in use is closed first. Any thread. */
    public void use(Camera next) {
        Camera old = replacement.getAndSet(next);
        if (old != null && old != next) {
            old.close();
        }
        if (thread.getState() == Thread.State.NEW) {
            Camera waiting = replacement.getAndSet(null);
            if (waiting != null) {
                camera = waiting; // not started yet: nothing is open
            }
        }
        LockSupport.unpark(thread);
    }

    /** For the administrator's log and staff: which device is in use. */
    public String describe() {
        Camera next = replacement.get();
        return (next != null ? next : camera).describe();
    }

    @Override
    public CameraPreview startQr(CameraRequest request) {
        return start(new QrJob(request));
    }

    private <J extends CameraJob> J start(J j) {
        CameraJob old = job.getAndSet(j);
        if (old != null) {
            old.close();
        }
        synchronized (thread) {
            if (thread.getState() == Thread.State.NEW) {
                thread.start(); // the first preview: OpenCV loads then, not while the kiosk starts
            }
        }
        LockSupport.unpark(thread);
        return j;
    }

    private void run() {
        try {
            OpenCv.load();
            loop();
        } catch (RuntimeException | LinkageError e) {
            // Without OpenCV there is no preview; screens keep saying that the camera cannot be used.
            log.error("the camera thread stopped", e);
            while (!shutdown) {
                CameraJob j = job.get();
                if (j != null) {
                    j.unavailable();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
            }
        }
    }

    private void loop() {
        boolean open = false;
        long idleSince = System.nanoTime();
        Mat frame = new Mat();
        try (CameraJob.Stages work = new CameraJob.Stages()) {
            while (!shutdown) {
                Camera next = replacement.getAndSet(null);
                if (next != null) {
                    if (open) {
                        camera.close();
                        open = false;
                    }
                    log.info("camera changed: {} -> {}", camera.describe(), next.describe());
                    camera = next;
                    down = false;
                }
                CameraJob j = job.get();
                if (j != null && j.closed()) {
                    job.compareAndSet(j, null);
                    j = null;
                    idleSince = System.nanoTime();
                }
                if (j == null || j.paused()) {
                    if (open && j == null && System.nanoTime() - idleSince > TimeUnit.MILLISECONDS.toNanos(IDLE_CLOSE_MILLIS)) {
                        camera.close();
                        open = false;
                        log.info("camera closed (no preview)");
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    continue;
                }
                if (!open) {
                    try {
                        camera.open();
                        open = true;
                        log.info("camera opened: {}{}", camera.describe(), down ? " (back again)" : "");
                        down = false;
                    } catch (CameraException | RuntimeException e) {
                        j.unavailable();
                        if (!down) {
                            log.warn("camera unavailable: {}", e.getMessage());
                            down = true;
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
                        continue;
                    }
                }
                if (!camera.grab(frame, j.request)) {
                    j.unavailable();
                    camera.close();
                    open = false;
                    log.warn("camera lost: {}", camera.describe());
                    down = true;
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
                    continue;
                }
                try {
                    j.process(frame, work);
                } catch (RuntimeException e) {
                    log.error("a camera frame could not be analyzed", e);
                }
            }
        } finally {
            frame.release();
            if (open) {
                camera.close();
            }
        }
    }

    /** False after the camera could not be opened or was lost, until it works again (for the heartbeat). */
    public boolean healthy() {
        return !down;
    }

    @Override
    public void close() {
        shutdown = true;
        CameraJob j = job.getAndSet(null);
        if (j != null) {
            j.close();
        }
        LockSupport.unpark(thread);
        if (thread.getState() == Thread.State.NEW) {
            return;
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
