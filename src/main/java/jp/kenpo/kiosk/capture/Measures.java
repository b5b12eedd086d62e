package jp.kenpo.kiosk.capture;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.imgproc.Imgproc;

/** Measurements the card and face analyzers share, and the rounding of what they report. */
public final class Measures {

    private Measures() {
    }

    /**
     * Sharpness as the variance of the Laplacian of a grey picture (higher is sharper). The three
     * working matrices are the caller's, reused from frame to frame.
     */
    public static double sharpness(Mat gray, Mat laplacian, MatOfDouble mean, MatOfDouble std) {
        Imgproc.Laplacian(gray, laplacian, CvType.CV_64F);
        Core.meanStdDev(laplacian, mean, std);
        double sd = std.get(0, 0)[0];
        return sd * sd;
    }

    /** {@code v} rounded to {@code decimals} places, for reports. */
    public static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** Milliseconds since {@code startNanos} ({@link System#nanoTime()}), two decimals. */
    public static double msSince(long startNanos) {
        return round((System.nanoTime() - startNanos) / 1e6, 2);
    }
}
