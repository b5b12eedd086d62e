package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import jp.kenpo.kiosk.capture.CardFixtures.Kind;
import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.card.CardAnalyzer;
import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.camera.CameraPreview;
import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.document.CardReason;
import jp.kenpo.kiosk.core.port.CameraRequest;

/** The camera thread on a real virtual camera (image files in a temporary folder) and real OpenCV. */
class CameraServiceTest {

    @TempDir
    Path dir;
    private CameraService service;

    private CameraService service(int steadyFrames) {
        CameraSettings s = new CameraSettings("virtual:" + dir, 1280, 720, 30, steadyFrames, 45);
        service = new CameraService(CameraService.camera(s, dir), s);
        return service;
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aGoodSteadyCardIsCapturedCorrectedToId1() throws Exception {
        CameraFolders.write(dir.resolve("card-front"), "front.png", Kind.GOOD, 7, CardFixtures::card);
        CameraPreview p = service(4).start(CameraRequest.CARD_FRONT, List.of());
        byte[] jpeg = await(p::takeCaptured);
        Mat card = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
        assertThat(card.cols()).isEqualTo(CardAnalyzer.CARD_WIDTH);
        assertThat(card.rows()).isEqualTo(CardAnalyzer.CARD_HEIGHT);
        // The corrected card is the card itself, not the dark background around it.
        assertThat(Core.mean(card).val[1]).isGreaterThan(150);
        assertThat(p.state()).isEqualTo(CameraState.LIVE);
        assertThat(p.takeCaptured()).as("handed out once").isNull();
    }

    @Test
    void theRequestChoosesTheFolderAndTheTopLevelIsTheFallback() throws Exception {
        CameraFolders.write(dir.resolve("card-back"), "back.png", Kind.BLURRY, 3, CardFixtures::back);
        CameraFolders.write(dir, "top.png", Kind.GOOD, 7, CardFixtures::card);
        CameraPreview back = service(3).start(CameraRequest.CARD_BACK, List.of());
        PreviewFrame f = await(back::latest);
        assertThat(f.found()).isTrue();
        assertThat(await(() -> reasonOf(back))).isEqualTo(CardReason.BLURRY);
        // card-front/ does not exist: the top-level image plays, and it is good.
        CameraPreview front = service.start(CameraRequest.CARD_FRONT, List.of());
        assertThat(await(front::takeCaptured)).isNotEmpty();
        assertThat(back.takeCaptured()).as("the first preview was closed by the second").isNull();
    }

    @Test
    void blurryFramesAreNeverTakenByThemselvesButTheShutterTakesOne() throws Exception {
        CameraFolders.write(dir.resolve("card-front"), "blurry.png", Kind.BLURRY, 5, CardFixtures::card);
        CameraPreview p = service(2).start(CameraRequest.CARD_FRONT, List.of());
        for (int i = 0; i < 10; i++) {
            assertThat(await(() -> reasonOf(p))).isEqualTo(CardReason.BLURRY);
        }
        assertThat(p.takeCaptured()).isNull();
        p.shutter();
        assertThat(await(p::takeCaptured)).isNotEmpty();
        p.retake();
        assertThat(await(() -> reasonOf(p))).as("looking again after a retake").isEqualTo(CardReason.BLURRY);
    }

    @Test
    void aVanishedCameraIsReportedAndTheServiceRecoversWhenItReturns() throws Exception {
        CameraFolders.write(dir.resolve("card-front"), "blurry.png", Kind.BLURRY, 5, CardFixtures::card);
        CameraPreview p = service(2).start(CameraRequest.CARD_FRONT, List.of());
        await(p::latest);
        Path away = dir.resolveSibling(dir.getFileName() + "-away");
        Files.move(dir, away);
        await(() -> p.state() == CameraState.UNAVAILABLE ? Boolean.TRUE : null);
        Files.move(away, dir);
        await(() -> p.state() == CameraState.LIVE ? Boolean.TRUE : null);
        assertThat(await(p::latest).found()).isTrue();
    }

    @Test
    void aCameraThatNeverWasIsUnavailableWithoutBlockingTheCaller() throws Exception {
        CameraSettings s = new CameraSettings("virtual:" + dir.resolve("missing"), 1280, 720, 30, 2, 45);
        service = new CameraService(CameraService.camera(s, dir.resolve("missing")), s);
        long t0 = System.nanoTime();
        CameraPreview p = service.start(CameraRequest.CARD_FRONT, List.of());
        p.shutter();
        p.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("start/shutter/close return at once")
                .isLessThan(200);
        CameraPreview again = service.start(CameraRequest.CARD_FRONT, List.of());
        await(() -> again.state() == CameraState.UNAVAILABLE ? Boolean.TRUE : null);
        assertThat(again.latest()).isNull();
    }

    private static CardReason reasonOf(CameraPreview p) {
        PreviewFrame f = p.latest();
        if (f == null) {
            return null;
        }
        for (CardReason r : CardReason.values()) {
            if (r.messageKey().equals(f.reasonKey())) {
                return r;
            }
        }
        return null;
    }

    /** Polls (as the screen does on its pulse) until the value is there, at most 10 s. */
    private static <T> T await(Supplier<T> poll) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            T v = poll.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("nothing within 10 s");
    }
}
