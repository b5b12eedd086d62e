package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import jp.kenpo.kiosk.core.port.CameraRequest;

/** The virtual camera's folders on real image files: its own first, then the pictures the kiosk made for it. */
class VirtualCameraTest {

    @TempDir
    Path dir;

    private static void picture(Path file, int grey) throws Exception {
        Files.createDirectories(file.getParent());
        Mat m = new Mat(72, 128, CvType.CV_8UC3, new Scalar(grey, grey, grey));
        assertThat(Imgcodecs.imwrite(file.toString(), m)).isTrue();
        m.release();
    }

    private static double grab(VirtualCamera camera, CameraRequest request) throws Exception {
        Mat frame = new Mat();
        assertThat(camera.grab(frame, request)).isTrue();
        double mean = Core.mean(frame).val[0];
        frame.release();
        return mean;
    }

    @Test
    void aRequestTheCamerasFolderHasNoPicturesForPlaysThePicturesTheKioskMadeForIt() throws Exception {
        OpenCv.load();
        Path own = dir.resolve("config/demo-camera");
        Path made = dir.resolve("data").resolve(VirtualCamera.MADE);
        picture(own.resolve("card-front/card.png"), 60);
        picture(own.resolve("top.png"), 20);
        picture(made.resolve("qr/code.png"), 240);
        try (VirtualCamera camera = new VirtualCamera(own, made, 128, 72, 1000)) {
            camera.open();
            assertThat(grab(camera, CameraRequest.QR)).as("the made code").isCloseTo(240, offset(1.0));
            assertThat(grab(camera, CameraRequest.CARD_FRONT)).as("its own folder").isCloseTo(60, offset(1.0));
            assertThat(grab(camera, CameraRequest.CARD_BACK)).as("neither: the top level").isCloseTo(20, offset(1.0));
        }
        try (VirtualCamera camera = new VirtualCamera(own, null, 128, 72, 1000)) {
            camera.open();
            assertThat(grab(camera, CameraRequest.QR)).as("nothing made: the top level").isCloseTo(20, offset(1.0));
        }
    }

    @Test
    void theCamerasOwnPicturesForARequestComeBeforeTheMadeOnes() throws Exception {
        OpenCv.load();
        Path own = dir.resolve("demo-camera");
        Path made = dir.resolve(VirtualCamera.MADE);
        picture(own.resolve("qr/printed.png"), 90);
        picture(made.resolve("qr/code.png"), 240);
        try (VirtualCamera camera = new VirtualCamera(own, made, 128, 72, 1000)) {
            camera.open();
            assertThat(grab(camera, CameraRequest.QR)).isCloseTo(90, offset(1.0));
        }
    }
}
