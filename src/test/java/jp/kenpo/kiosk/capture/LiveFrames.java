package jp.kenpo.kiosk.capture;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * A still scene as a live camera gives it frame after frame: the same picture with fresh sensor
 * noise each time (a member holding the card still in front of a 15 fps camera). The noise is
 * Gaussian with σ {@value #SIGMA} levels, a webcam's in a lit room, drawn from a seeded generator.
 */
public final class LiveFrames implements AutoCloseable {

    /** A webcam's sensor noise in a lit room, in 8-bit levels. */
    public static final double SIGMA = 2;

    private final Mat[] noise;
    private final Mat wide = new Mat();

    /** {@code count} different noise pictures for {@code width} × {@code height} BGR frames. */
    public LiveFrames(long seed, int count, int width, int height) {
        noise = new Mat[count];
        Core.setRNGSeed((int) seed);
        for (int i = 0; i < count; i++) {
            noise[i] = new Mat(height, width, CvType.CV_16SC3);
            Core.randn(noise[i], 0, SIGMA);
        }
    }

    /** The {@code k}-th frame of the still {@code scene} into {@code out}: the scene with the k-th noise (rounded, clipped). */
    public void frame(Mat scene, int k, Mat out) {
        scene.convertTo(wide, CvType.CV_16SC3);
        Core.add(wide, noise[k % noise.length], wide);
        wide.convertTo(out, CvType.CV_8UC3);
    }

    @Override
    public void close() {
        for (Mat m : noise) {
            m.release();
        }
        wide.release();
    }
}
