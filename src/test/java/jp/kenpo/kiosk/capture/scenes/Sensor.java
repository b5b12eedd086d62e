package jp.kenpo.kiosk.capture.scenes;

import java.util.Random;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.testing.Jpeg;

/**
 * From scene to JPEG, the way a webcam does it: the light on the scene (exposure, white-balance gains, fall-off
 * towards the corners, a soft shadow, a specular highlight on the card), the lens (Gaussian blur, or a line kernel
 * for motion), the sensor (luma-dependent Gaussian noise; a channel driven to full scale stays clipped at 255, as a
 * saturated photosite does) and the encoder (JPEG round trip through OpenCV's codec).
 *
 * <p>Strong blurs (sigma above 1.5 px, motion) are applied at half resolution and scaled back up, which is the same
 * blur to within a fraction of a pixel and keeps a frame cheap.
 */
final class Sensor {

    /** Levels of the discrete standard normal used for sensor noise. */
    private static final int QUANTILES = 64;
    /** Uniform indices into the quantiles of a standard normal, read from a random start on every row. */
    private static final byte[] DRAWS = new byte[1 << 20];
    /** Standard normal quantiles at (k + 0.5) / QUANTILES. */
    private static final double[] NORMAL = new double[QUANTILES];

    static {
        Random r = new Random(0x9a055L);
        for (int i = 0; i < DRAWS.length; i++) {
            DRAWS[i] = (byte) r.nextInt(QUANTILES);
        }
        for (int k = 0; k < QUANTILES; k++) {
            NORMAL[k] = inverseNormal((k + 0.5) / QUANTILES);
        }
    }

    /** The light on the scene; the glare blob is an additive specular highlight restricted to the card. */
    static final class Light {
        double exposure = 1;
        final double[] wb = {1, 1, 1};
        double vignette;
        double gradient;
        double gradientAngle;
        double shadowDepth;
        double shadowNx;
        double shadowNy;
        double shadowD;
        double shadowSoft = 1;
        // glare: centre, unit axes (pixels at scale 1), angle, peak (8-bit levels) and scale
        boolean glare;
        double gx;
        double gy;
        double ga = 1;
        double gb = 1;
        double gcos = 1;
        double gsin;
        double gpeak;
        double gscale = 1;

        private double[] rowV;
        private double[] colV;
        private double[] rowG;
        private double[] colG;

        /** Tabulates the smooth part of the light for a camera: fall-off and gradient are separable in x and y. */
        void prepare(Pinhole cam) {
            double rc = Math.hypot(cam.width / 2.0, cam.height / 2.0);
            double gc = Math.cos(gradientAngle) / rc;
            double gs = Math.sin(gradientAngle) / rc;
            rowV = new double[cam.height];
            rowG = new double[cam.height];
            colV = new double[cam.width];
            colG = new double[cam.width];
            for (int y = 0; y < cam.height; y++) {
                double dy = y - cam.cy;
                rowV[y] = 1 - vignette * dy * dy / (rc * rc);
                rowG[y] = 1 + gradient * dy * gs;
            }
            for (int x = 0; x < cam.width; x++) {
                double dx = x - cam.cx;
                colV[x] = vignette * dx * dx / (rc * rc);
                colG[x] = gradient * dx * gc;
            }
        }

        /** Relative illumination at a pixel (1 in the centre without shadow); needs {@link #prepare}. */
        double at(int x, int y) {
            double v = (rowV[y] - colV[x]) * (rowG[y] + colG[x]);
            if (shadowDepth > 0) {
                double s = (x * shadowNx + y * shadowNy - shadowD) / shadowSoft;
                if (s > -0.5) {
                    double t = s < 0.5 ? 0.5 + s : 1;
                    v *= 1 - shadowDepth * t * t * (3 - 2 * t);
                }
            }
            return v;
        }

        /** The glare's added level at a pixel, before the card's coverage. */
        double glareAt(double x, double y) {
            double dx = x - gx;
            double dy = y - gy;
            double u = (dx * gcos + dy * gsin) / (ga * gscale);
            double v = (-dx * gsin + dy * gcos) / (gb * gscale);
            return gpeak * Math.exp(-0.5 * (u * u + v * v));
        }
    }

    private final Pinhole cam;
    private final Light light;

    Sensor(Pinhole cam, Light light) {
        this.cam = cam;
        this.light = light;
        light.prepare(cam);
    }

    /**
     * Mean luma and 99th percentile of the lit scene (at exposure 1) over the pixels fully covered by the alpha
     * (given over roi); the whole frame when alpha is null.
     */
    double[] litLuma(Mat scene, Rect roi, Mat alpha) {
        Rect box = roi != null ? roi : new Rect(0, 0, scene.cols(), scene.rows());
        Mat sub = scene.submat(box).clone();
        byte[] px = new byte[box.width * box.height * 3];
        sub.get(0, 0, px);
        sub.release();
        byte[] a = null;
        if (alpha != null) {
            a = new byte[box.width * box.height];
            alpha.get(0, 0, a);
        }
        int[] hist = new int[1024];
        double sum = 0;
        int n = 0;
        // every other pixel in each direction is plenty for a mean and a percentile
        for (int y = 0; y < box.height; y += 2) {
            for (int x = 0; x < box.width; x += 2) {
                int i = y * box.width + x;
                if (a != null && (a[i] & 0xFF) < 250) {
                    continue;
                }
                double l = light.at(box.x + x, box.y + y);
                double v = l * (0.114 * light.wb[0] * (px[3 * i] & 0xFF) + 0.587 * light.wb[1] * (px[3 * i + 1] & 0xFF)
                        + 0.299 * light.wb[2] * (px[3 * i + 2] & 0xFF));
                sum += v;
                hist[Math.min(1023, (int) v)]++;
                n++;
            }
        }
        int p99 = 0;
        int acc = 0;
        while (p99 < 1023 && acc < 0.99 * n) {
            acc += hist[p99++];
        }
        return new double[] {n == 0 ? 0 : sum / n, p99, n};
    }

    /**
     * Sizes the glare so that the share of the card's area that clips to white is {@code core}: a pixel clips once
     * the highlight adds what is missing to full scale in its darkest channel.
     */
    void fitGlare(Mat scene, Rect roi, Mat alpha, double cardAreaPx, double core) {
        Mat sub = scene.submat(roi).clone();
        byte[] px = new byte[roi.width * roi.height * 3];
        sub.get(0, 0, px);
        sub.release();
        byte[] a = new byte[roi.width * roi.height];
        alpha.get(0, 0, a);
        // With the highlight at scale s, a pixel at normalised radius rho1 (scale 1) clips when
        // peak * exp(-rho1^2 / (2 s^2)) >= need, i.e. when s >= rho1 / sqrt(2 ln(peak / need)).
        double[] root = new double[257];
        for (int need = 1; need < root.length; need++) {
            root[need] = need >= light.gpeak ? 0 : Math.sqrt(2 * Math.log(light.gpeak / need));
        }
        int bins = 4096;
        double max = Math.hypot(roi.width, roi.height) * 2;
        int[] hist = new int[bins];
        for (int y = 0; y < roi.height; y += 2) {
            for (int x = 0; x < roi.width; x += 2) {
                int i = y * roi.width + x;
                if ((a[i] & 0xFF) < 250) {
                    continue;
                }
                double l = light.at(roi.x + x, roi.y + y) * light.exposure;
                double lo = 255;
                for (int c = 0; c < 3; c++) {
                    double v = (px[3 * i + c] & 0xFF) * l * light.wb[c];
                    lo = v < lo ? v : lo;
                }
                int need = (int) Math.max(1, Math.min(256, Math.ceil(255 - lo)));
                if (root[need] == 0) {
                    continue;
                }
                double dx = roi.x + x - light.gx;
                double dy = roi.y + y - light.gy;
                double u = (dx * light.gcos + dy * light.gsin) / light.ga;
                double v = (-dx * light.gsin + dy * light.gcos) / light.gb;
                double smin = Math.sqrt(u * u + v * v) / root[need];
                hist[Math.min(bins - 1, (int) (smin / max * bins))] += 4;
            }
        }
        long want = Math.round(core * cardAreaPx);
        long acc = 0;
        int b = 0;
        while (b < bins - 1 && acc + hist[b] < want) {
            acc += hist[b++];
        }
        light.gscale = (b + 0.5) / bins * max;
    }

    /**
     * Develops the frame: light, blur (Gaussian sigma, then an optional motion line), noise, clipping and JPEG.
     * The glare is limited to the card coverage {@code alpha} over {@code roi}.
     */
    Mat develop(Mat scene, Rect roi, Mat alpha, double sigma, double motionPx, double motionDeg, double noise,
                int quality, Random r) {
        // exposure, white balance, fall-off, gradient and shadow in one gain per channel: smooth, so tabulated at
        // 1/8 scale and scaled up
        int w = cam.width;
        int h = cam.height;
        int sw = (w + 7) / 8;
        int sh = (h + 7) / 8;
        double[] gains = new double[sw * sh * 3];
        double top = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double l = light.at(Math.min(w - 1, x * 8 + 4), Math.min(h - 1, y * 8 + 4)) * light.exposure;
                for (int c = 0; c < 3; c++) {
                    double g = l * light.wb[c];
                    gains[(y * sw + x) * 3 + c] = g;
                    top = Math.max(top, g);
                }
            }
        }
        // the map holds gain * unit, with unit as fine as the largest gain allows
        double unit = top < 1.99 ? 128 : top < 3.98 ? 64 : top < 7.96 ? 32 : 16;
        byte[] lm = new byte[gains.length];
        for (int i = 0; i < gains.length; i++) {
            lm[i] = (byte) Math.min(255, Math.round(gains[i] * unit));
        }
        Mat small = new Mat(sh, sw, CvType.CV_8UC3);
        small.put(0, 0, lm);
        Mat map = new Mat();
        Imgproc.resize(small, map, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
        Mat m = new Mat();
        Core.multiply(scene, map, m, 1 / unit);
        small.release();
        map.release();
        if (light.glare && alpha != null) {
            addGlare(m, roi, alpha);
        }
        blur(m, sigma, motionPx, motionDeg);
        addNoise(m, noise, r);
        Mat img = Jpeg.roundTrip(m, quality);
        m.release();
        return img;
    }

    /**
     * Luma-dependent Gaussian noise: shot noise grows with the signal, read noise stays; sigma is the noise at
     * mid-grey (128). A channel at full scale stays saturated, as its photosite does.
     */
    private static void addNoise(Mat m, double sigma, Random r) {
        // offset for (luma, quantile), so that the loop only looks up and adds
        short[] offset = new short[256 * QUANTILES];
        for (int v = 0; v < 256; v++) {
            double sd = sigma * Math.sqrt(0.3 + 0.7 * v / 128.0);
            for (int k = 0; k < QUANTILES; k++) {
                offset[v * QUANTILES + k] = (short) Math.round(sd * NORMAL[k]);
            }
        }
        int row = m.cols() * 3;
        byte[] px = new byte[row * m.rows()];
        m.get(0, 0, px);
        int mask = DRAWS.length - 1;
        for (int y = 0; y < m.rows(); y++) {
            int k = r.nextInt(DRAWS.length);
            for (int i = y * row, end = i + row; i < end; i += 3) {
                int b = px[i] & 0xFF;
                int g = px[i + 1] & 0xFF;
                int rr = px[i + 2] & 0xFF;
                int base = ((29 * b + 150 * g + 77 * rr) >> 8) * QUANTILES;
                px[i] = noisy(b, offset[base + DRAWS[k]]);
                px[i + 1] = noisy(g, offset[base + DRAWS[(k + 1) & mask]]);
                px[i + 2] = noisy(rr, offset[base + DRAWS[(k + 2) & mask]]);
                k = (k + 3) & mask;
            }
        }
        m.put(0, 0, px);
    }

    private static byte noisy(int v, int add) {
        if (v == 255) {
            return (byte) 255;
        }
        int q = v + add;
        return (byte) (q < 0 ? 0 : q > 255 ? 255 : q);
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            return -inverseNormal(1 - p);
        }
        double q = p - 0.5;
        double t = q * q;
        return (((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t + a[5]) * q
                / (((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t + b[4]) * t + 1);
    }

    private void addGlare(Mat m, Rect roi, Mat alpha) {
        // only where the highlight adds at least half a level
        double reach = Math.sqrt(2 * Math.log(light.gpeak / 0.5)) * light.gscale * Math.max(light.ga, light.gb);
        int x0 = Math.max(roi.x, (int) (light.gx - reach));
        int x1 = Math.min(roi.x + roi.width, (int) (light.gx + reach) + 1);
        int y0 = Math.max(roi.y, (int) (light.gy - reach));
        int y1 = Math.min(roi.y + roi.height, (int) (light.gy + reach) + 1);
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        Rect box = new Rect(x0, y0, x1 - x0, y1 - y0);
        Mat sub = m.submat(box);
        Mat copy = sub.clone();
        byte[] px = new byte[box.width * box.height * 3];
        copy.get(0, 0, px);
        byte[] a = new byte[roi.width * roi.height];
        alpha.get(0, 0, a);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int k = a[(y - roi.y) * roi.width + x - roi.x] & 0xFF;
                if (k == 0) {
                    continue;
                }
                double add = light.glareAt(x, y) * k / 255;
                int i = ((y - y0) * box.width + x - x0) * 3;
                for (int c = 0; c < 3; c++) {
                    px[i + c] = sat((px[i + c] & 0xFF) + add);
                }
            }
        }
        copy.put(0, 0, px);
        copy.copyTo(sub);
        copy.release();
        sub.release();
    }

    /** Optical blur; strong blurs at half resolution (the down- and up-sampling add about 1 px in quadrature). */
    private static void blur(Mat m, double sigma, double motionPx, double motionDeg) {
        if (motionPx <= 0 && sigma <= 1.5) {
            if (sigma > 0) {
                Imgproc.GaussianBlur(m, m, new Size(0, 0), sigma);
            }
            return;
        }
        Mat half = new Mat();
        Imgproc.resize(m, half, new Size(m.cols() / 2, m.rows() / 2), 0, 0, Imgproc.INTER_AREA);
        double rest = Math.sqrt(Math.max(0, sigma * sigma - 1.0));
        if (rest > 0.3) {
            Imgproc.GaussianBlur(half, half, new Size(0, 0), rest / 2);
        }
        if (motionPx > 0) {
            Mat kernel = lineKernel(motionPx / 2, motionDeg);
            Imgproc.filter2D(half, half, -1, kernel);
            kernel.release();
        }
        Imgproc.resize(half, m, m.size(), 0, 0, Imgproc.INTER_LINEAR);
        half.release();
    }

    /** A normalised antialiased line of the given length and direction: the blur of a steady sideways motion. */
    static Mat lineKernel(double length, double deg) {
        int size = 2 * (int) Math.ceil(length / 2) + 3;
        Mat k = Mat.zeros(size, size, CvType.CV_8UC1);
        double c = (size - 1) / 2.0;
        double dx = Math.cos(Math.toRadians(deg)) * length / 2;
        double dy = Math.sin(Math.toRadians(deg)) * length / 2;
        int one = 1 << Pinhole.SHIFT;
        Imgproc.line(k, new Point(Math.round((c - dx) * one), Math.round((c - dy) * one)),
                new Point(Math.round((c + dx) * one), Math.round((c + dy) * one)), Scalar.all(255), 1,
                Imgproc.LINE_AA, Pinhole.SHIFT);
        Mat f = new Mat();
        k.convertTo(f, CvType.CV_32F);
        k.release();
        double sum = Core.sumElems(f).val[0];
        f.convertTo(f, CvType.CV_32F, 1 / sum);
        return f;
    }

    private static byte sat(double v) {
        return (byte) (v >= 255 ? 255 : (int) (v + 0.5));
    }
}
