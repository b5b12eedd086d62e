package jp.kenpo.kiosk.capture;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;

import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * A USB camera through webcam-capture (V4L on Linux), chosen by name ({@code device:NAME}, the
 * first whose name contains NAME) or by position ({@code index:N}) at the configured resolution.
 * A camera that closes, delivers no picture or fails while reading counts as unplugged.
 */
public final class WebcamCamera implements Camera {

    private final String name;
    private final int index;
    private final int width;
    private final int height;
    private final Pacer pacer;
    private Webcam webcam;
    private ByteBuffer buffer;
    private Mat rgb;
    private BufferedImage convert;

    /** @param source {@code device:NAME} or {@code index:N} */
    public WebcamCamera(String source, int width, int height, int fps) {
        if (source.startsWith("device:")) {
            this.name = source.substring("device:".length());
            this.index = -1;
        } else if (source.matches("index:\\d+")) {
            this.name = null;
            this.index = Integer.parseInt(source.substring("index:".length()));
        } else {
            throw new IllegalArgumentException("not a USB camera source: " + source);
        }
        this.width = width;
        this.height = height;
        this.pacer = new Pacer(fps);
    }

    /**
     * The names of the USB cameras present, as webcam-capture lists them; empty when none, or when
     * they cannot be listed (the reason in the log).
     */
    public static List<String> names() {
        try {
            return Webcam.getWebcams(3, TimeUnit.SECONDS).stream().map(Webcam::getName).toList();
        } catch (Exception | LinkageError e) {
            org.slf4j.LoggerFactory.getLogger(WebcamCamera.class).warn("the cameras cannot be listed: {}",
                    e.getMessage());
            return List.of();
        }
    }

    @Override
    public void open() throws CameraException {
        OpenCv.load();
        List<Webcam> cams;
        try {
            cams = Webcam.getWebcams(5, TimeUnit.SECONDS);
        } catch (Exception | LinkageError e) {
            throw new CameraException("the cameras cannot be listed (is libv4l-0 installed?): " + e.getMessage(), e);
        }
        Webcam chosen = null;
        if (name != null) {
            chosen = cams.stream().filter(c -> c.getName().contains(name)).findFirst().orElse(null);
        } else if (index < cams.size()) {
            chosen = cams.get(index);
        }
        if (chosen == null) {
            throw new CameraException("no camera " + (name != null ? "named '" + name + "'" : "at index " + index)
                    + "; cameras found: " + cams.stream().map(Webcam::getName).toList());
        }
        Dimension size = new Dimension(width, height);
        try {
            chosen.setCustomViewSizes(size);
            chosen.setViewSize(size);
            if (!chosen.open()) {
                throw new CameraException("the camera '" + chosen.getName() + "' does not open");
            }
        } catch (RuntimeException e) {
            throw new CameraException("the camera '" + chosen.getName() + "' does not open: " + e.getMessage(), e);
        }
        Dimension actual = chosen.getViewSize();
        webcam = chosen;
        buffer = ByteBuffer.allocateDirect(actual.width * actual.height * 3);
        rgb = new Mat(actual.height, actual.width, CvType.CV_8UC3, buffer);
    }

    @Override
    public boolean grab(Mat frame, CameraRequest request) {
        pacer.await();
        if (webcam == null || !webcam.isOpen()) {
            return false;
        }
        try {
            if (webcam.getDevice() instanceof WebcamDevice.BufferAccess) {
                // Straight into our buffer: no picture object per frame.
                buffer.clear();
                webcam.getImageBytes(buffer);
                Imgproc.cvtColor(rgb, frame, Imgproc.COLOR_RGB2BGR);
                return true;
            }
            BufferedImage img = webcam.getImage();
            if (img == null) {
                return false;
            }
            toBgr(img, frame);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void toBgr(BufferedImage img, Mat frame) {
        BufferedImage bgr = img;
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            if (convert == null || convert.getWidth() != img.getWidth() || convert.getHeight() != img.getHeight()) {
                convert = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            }
            Graphics2D g = convert.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
            bgr = convert;
        }
        byte[] bytes = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        frame.create(bgr.getHeight(), bgr.getWidth(), CvType.CV_8UC3);
        frame.put(0, 0, bytes);
    }

    @Override
    public void close() {
        if (webcam != null) {
            try {
                webcam.close();
            } catch (RuntimeException ignored) {
                // an unplugged camera may fail to close; it is dropped either way
            }
            webcam = null;
        }
        if (rgb != null) {
            rgb.release();
            rgb = null;
        }
        buffer = null;
    }

    @Override
    public String describe() {
        return "USB camera " + (name != null ? "'" + name + "'" : "#" + index) + " " + width + "x" + height;
    }
}
