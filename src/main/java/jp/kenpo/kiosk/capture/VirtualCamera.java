package jp.kenpo.kiosk.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * A camera that plays still images (docs/architecture.md §7): the images of the sub-folder named after the current
 * request ({@code card-front/}, {@code face-left_mouth_open/}, …), else those at the folder's top
 * level, one per frame at the configured rate, scaled to the configured resolution. Where the folder has no
 * images for a request, those the kiosk made itself for that request are played (the demonstration's fresh
 * resume code, written to the data folder because an installed kiosk's configuration is read-only to it). With
 * no images at all it shows a dark, empty picture, as a camera pointed at nothing would.
 *
 * <p>A folder that disappears is a camera unplugged; when it comes back the camera can be opened
 * again. Folders are read again when their modification time changes.
 */
public final class VirtualCamera implements Camera {

    /** The data folder's sub-folder for pictures the kiosk makes for its virtual camera. */
    public static final String MADE = "virtual-camera";

    /** The folder of pictures the kiosk makes for its virtual camera, in the data folder {@code dataDir}. */
    public static Path made(Path dataDir) {
        return dataDir.resolve(MADE);
    }

    private final Path dir;
    /** Pictures the kiosk made for its virtual camera, in a sub-folder per request; {@code null}: none. */
    private final Path made;
    private final int width;
    private final int height;
    private final Pacer pacer;
    private final Map<Path, Playlist> playlists = new HashMap<>();
    private Mat empty;
    private boolean open;

    private static final class Playlist {
        final long modified;
        final List<Mat> images;
        int next;

        Playlist(long modified, List<Mat> images) {
            this.modified = modified;
            this.images = images;
        }

        void release() {
            images.forEach(Mat::release);
        }
    }

    public VirtualCamera(Path dir, int width, int height, int fps) {
        this(dir, null, width, height, fps);
    }

    /** @param made the folder of pictures the kiosk made for this camera ({@link #MADE}), or {@code null} */
    public VirtualCamera(Path dir, Path made, int width, int height, int fps) {
        this.dir = dir;
        this.made = made;
        this.width = width;
        this.height = height;
        this.pacer = new Pacer(fps);
    }

    @Override
    public void open() throws CameraException {
        OpenCv.load();
        if (!Files.isDirectory(dir)) {
            throw new CameraException("the virtual camera's folder " + dir + " does not exist");
        }
        open = true;
    }

    @Override
    public boolean grab(Mat frame, CameraRequest request) {
        pacer.await();
        if (!open || !Files.isDirectory(dir)) {
            return false;
        }
        Playlist p = playlist(dir.resolve(request.folder()));
        if ((p == null || p.images.isEmpty()) && made != null) {
            p = playlist(made.resolve(request.folder()));
        }
        if (p == null || p.images.isEmpty()) {
            p = playlist(dir);
        }
        if (p == null || p.images.isEmpty()) {
            if (empty == null) {
                empty = new Mat(height, width, CvType.CV_8UC3, new Scalar(24, 24, 24));
            }
            empty.copyTo(frame);
            return true;
        }
        p.images.get(p.next++ % p.images.size()).copyTo(frame);
        return true;
    }

    private Playlist playlist(Path folder) {
        long modified;
        try {
            if (!Files.isDirectory(folder)) {
                return null;
            }
            modified = Files.getLastModifiedTime(folder).toMillis();
        } catch (IOException e) {
            return null;
        }
        Playlist p = playlists.get(folder);
        if (p != null && p.modified == modified) {
            return p;
        }
        if (p != null) {
            p.release();
        }
        p = new Playlist(modified, load(folder));
        playlists.put(folder, p);
        return p;
    }

    private List<Mat> load(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(f) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
        List<Mat> out = new ArrayList<>();
        for (Path f : files) {
            Mat m = Imgcodecs.imread(f.toString(), Imgcodecs.IMREAD_COLOR);
            if (m.empty()) {
                continue;
            }
            if (m.cols() != width || m.rows() != height) {
                Mat scaled = new Mat();
                Imgproc.resize(m, scaled, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
                m.release();
                m = scaled;
            }
            out.add(m);
        }
        return out;
    }

    @Override
    public void close() {
        open = false;
        playlists.values().forEach(Playlist::release);
        playlists.clear();
        if (empty != null) {
            empty.release();
            empty = null;
        }
    }

    @Override
    public String describe() {
        return "virtual camera " + dir + " " + width + "x" + height;
    }
}
