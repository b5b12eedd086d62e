package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;

import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * The USB camera adapter over webcam-capture, with a driver that stands in for the operating
 * system's cameras (the real V4L driver needs a device this machine does not have).
 */
class WebcamCameraTest {

    /** A camera that shows a red left half and a blue right half until it is unplugged. */
    static class TestDevice implements WebcamDevice {
        final String name;
        volatile boolean plugged = true;
        private boolean open;
        private Dimension size = new Dimension(640, 480);

        TestDevice(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Dimension[] getResolutions() {
            return new Dimension[] {new Dimension(640, 480), new Dimension(1280, 720)};
        }

        @Override
        public Dimension getResolution() {
            return size;
        }

        @Override
        public void setResolution(Dimension d) {
            size = d;
        }

        @Override
        public BufferedImage getImage() {
            if (!plugged) {
                return null;
            }
            BufferedImage img = new BufferedImage(size.width, size.height, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.RED);
            g.fillRect(0, 0, size.width / 2, size.height);
            g.setColor(Color.BLUE);
            g.fillRect(size.width / 2, 0, size.width / 2, size.height);
            g.dispose();
            return img;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public void dispose() {
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }

    /** A camera whose driver writes RGB bytes straight into the caller's buffer (as V4L's does). */
    static final class BufferDevice extends TestDevice implements WebcamDevice.BufferAccess {
        BufferDevice(String name) {
            super(name);
        }

        @Override
        public java.nio.ByteBuffer getImageBytes() {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(getResolution().width * getResolution().height * 3);
            getImageBytes(b);
            return b;
        }

        @Override
        public void getImageBytes(java.nio.ByteBuffer target) {
            BufferedImage img = getImage();
            if (img == null) {
                throw new IllegalStateException("device gone");
            }
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    target.put((byte) (rgb >> 16)).put((byte) (rgb >> 8)).put((byte) rgb);
                }
            }
        }
    }

    static final TestDevice FRONT_DESK = new TestDevice("Front Desk HD Camera");
    static final BufferDevice V4L_LIKE = new BufferDevice("V4L-like Camera");
    static final TestDevice DOCUMENT = new TestDevice("Document Camera USB");

    public static final class TestDriver implements WebcamDriver {
        @Override
        public List<WebcamDevice> getDevices() {
            return List.of(FRONT_DESK, DOCUMENT, V4L_LIKE);
        }

        @Override
        public boolean isThreadSafe() {
            return false;
        }
    }

    @BeforeAll
    static void driver() {
        OpenCv.load();
        Webcam.setDriver(new TestDriver());
    }

    @AfterAll
    static void resetDriver() {
        Webcam.resetDriver();
    }

    @Test
    void choosesTheDeviceByNameAndDeliversBgrFramesAtTheConfiguredSize() throws Exception {
        WebcamCamera cam = new WebcamCamera("device:Document", 1280, 720, 30);
        cam.open();
        try {
            assertThat(cam.describe()).contains("Document");
            Mat frame = new Mat();
            assertThat(cam.grab(frame, CameraRequest.CARD_FRONT)).isTrue();
            assertThat(frame.cols()).isEqualTo(1280);
            assertThat(frame.rows()).isEqualTo(720);
            double[] left = frame.get(360, 100);
            double[] right = frame.get(360, 1180);
            assertThat(left).as("red, in OpenCV's BGR order").containsExactly(0, 0, 255);
            assertThat(right).as("blue").containsExactly(255, 0, 0);
            assertThat(DOCUMENT.isOpen()).isTrue();
            assertThat(FRONT_DESK.isOpen()).isFalse();
            frame.release();
        } finally {
            cam.close();
        }
        assertThat(DOCUMENT.isOpen()).isFalse();
    }

    @Test
    void aDriverWithBufferAccessFillsTheFrameWithoutPictureObjects() throws Exception {
        WebcamCamera cam = new WebcamCamera("device:V4L-like", 640, 480, 30);
        cam.open();
        Mat frame = new Mat();
        try {
            assertThat(cam.grab(frame, CameraRequest.CARD_FRONT)).isTrue();
            assertThat(frame.get(240, 50)).containsExactly(0, 0, 255);
            assertThat(frame.get(240, 600)).containsExactly(255, 0, 0);
            V4L_LIKE.plugged = false;
            assertThat(cam.grab(frame, CameraRequest.CARD_FRONT)).isFalse();
        } finally {
            V4L_LIKE.plugged = true;
            cam.close();
            frame.release();
        }
    }

    @Test
    void choosesByIndex() throws Exception {
        WebcamCamera cam = new WebcamCamera("index:0", 640, 480, 30);
        cam.open();
        try {
            assertThat(FRONT_DESK.isOpen()).isTrue();
        } finally {
            cam.close();
        }
    }

    @Test
    void aMissingCameraNamesTheOnesThatAreThere() {
        assertThatThrownBy(() -> new WebcamCamera("device:Nope", 640, 480, 30).open())
                .isInstanceOf(CameraException.class)
                .hasMessageContaining("no camera named 'Nope'")
                .hasMessageContaining("Front Desk HD Camera");
        assertThatThrownBy(() -> new WebcamCamera("index:7", 640, 480, 30).open())
                .hasMessageContaining("no camera at index 7");
    }

    @Test
    void anUnpluggedCameraStopsDeliveringAndCanBeOpenedAgain() throws Exception {
        WebcamCamera cam = new WebcamCamera("device:Front Desk", 640, 480, 30);
        Mat frame = new Mat();
        cam.open();
        try {
            assertThat(cam.grab(frame, CameraRequest.CARD_FRONT)).isTrue();
            FRONT_DESK.plugged = false;
            boolean lost = false;
            for (int i = 0; i < 200 && !lost; i++) {
                lost = !cam.grab(frame, CameraRequest.CARD_FRONT);
            }
            assertThat(lost).as("grab reports the loss").isTrue();
        } finally {
            cam.close();
            FRONT_DESK.plugged = true;
        }
        cam.open();
        try {
            assertThat(cam.grab(frame, CameraRequest.CARD_FRONT)).isTrue();
        } finally {
            cam.close();
            frame.release();
        }
    }
}
