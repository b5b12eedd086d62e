package jp.kenpo.kiosk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.capture.CameraFolders;
import jp.kenpo.kiosk.capture.CameraService;
import jp.kenpo.kiosk.capture.CardFixtures;
import jp.kenpo.kiosk.capture.CardFixtures.Kind;
import jp.kenpo.kiosk.core.camera.CameraPreview;
import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * The whole preview (docs/architecture.md §11): the camera thread grabbing 1280×720 frames at the camera's rate,
 * analyzing each and publishing a preview picture, with a screen taking the newest at 60 Hz and
 * another at 4 Hz (a busy screen). Prints the camera thread's CPU per frame and share of one core,
 * the heap it allocates per frame, and how many frames the slow screen skipped (dropped, never
 * queued). Run with {@code mvn -q test -Pbench}.
 */
@Tag("bench")
class PreviewBenchmark {

    @TempDir
    Path dir;

    @Test
    void cameraThreadCostPerFrame() throws Exception {
        // A card that is found and judged every frame but never good enough to end the preview.
        CameraFolders.write(dir.resolve("card-front"), "blurry.png", Kind.BLURRY, 5, CardFixtures::card);
        for (int fps : new int[] {15, 30}) {
            run(fps, 60);
            run(fps, 4);
        }
    }

    private void run(int fps, int screenHz) throws Exception {
        CameraSettings s = new CameraSettings("virtual:" + dir, 1280, 720, fps, 60, 45);
        try (CameraService service = new CameraService(CameraService.camera(s, dir), s)) {
            CameraPreview p = service.start(CameraRequest.CARD_FRONT, List.of());
            AtomicBoolean stop = new AtomicBoolean();
            long[] taken = new long[2]; // frames taken, last sequence
            Thread screen = new Thread(() -> {
                byte[] pixels = new byte[0];
                while (!stop.get()) {
                    PreviewFrame f = p.latest();
                    if (f != null) {
                        if (pixels.length != f.bgra().length) {
                            pixels = new byte[f.bgra().length];
                        }
                        System.arraycopy(f.bgra(), 0, pixels, 0, pixels.length); // as the pixel writer copies
                        taken[0]++;
                        taken[1] = f.sequence();
                    }
                    try {
                        Thread.sleep(1000 / screenHz);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.sleep(1500); // warm-up: camera opened, sizes settled
            Thread camera = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("camera"))
                    .findFirst().orElseThrow();
            var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long seq0 = latestSequence(p);
            long cpu0 = bean.getThreadCpuTime(camera.getId());
            long alloc0 = bean.getThreadAllocatedBytes(camera.getId());
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long process0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            screen.start();
            Thread.sleep(8000);
            stop.set(true);
            screen.join();
            long frames = taken[1] - seq0;
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpuMs = (bean.getThreadCpuTime(camera.getId()) - cpu0) / 1e6;
            double processMs = (os.getProcessCpuTime() - process0) / 1e6;
            double allocKb = (bean.getThreadAllocatedBytes(camera.getId()) - alloc0) / 1024.0;
            System.out.printf("preview bench: camera %d fps, screen %d Hz: %d frames in %.1f s (%.1f fps), "
                            + "camera thread %.2f ms CPU/frame = %.0f %% of one core, %.1f KB heap/frame; "
                            + "screen took %d, skipped %d (dropped, not queued); whole process (OpenCV's own "
                            + "threads, GC, the screen's copy) %.0f %% of one core%n",
                    fps, screenHz, frames, wall, frames / wall, cpuMs / frames, 100 * cpuMs / 1000 / wall,
                    allocKb / frames, taken[0], frames - taken[0], 100 * processMs / 1000 / wall);
            p.close();
        }
    }

    private static long latestSequence(CameraPreview p) throws InterruptedException {
        PreviewFrame f;
        while ((f = p.latest()) == null) {
            Thread.sleep(5);
        }
        return f.sequence();
    }
}
