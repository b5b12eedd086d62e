package jp.kenpo.kiosk.capture.scenes;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A flat printed thing with rounded corners (an ID card, a phone, a sheet of paper): its face as a texture drawn
 * with Java2D in millimetres, premultiplied by the coverage of its outline, which rides along as a fourth channel.
 * It is put into a frame through the homography of its pose, from a mip level near the frame's own resolution so
 * that small sheets are not aliased.
 *
 * <p>Texture pixel centre u stands for the plane point x = (u + 0.5) · width / columns − width / 2: the sheet's
 * centre is the plane origin and its outline is exactly the edge of the texture (the coverage is 50 % there after
 * bilinear warping), so the projected outline lands on the projected mm corners.
 */
final class Sheet {

    final double widthMm;
    final double heightMm;
    final double radiusMm;
    /** Premultiplied BGR plus coverage in the fourth channel, per mip level (built on demand). */
    private final Mat[] levels = new Mat[6];
    /** The ground colour, once measured. */
    private double[] ground;

    /** A painter of the face: gets a Graphics2D whose user space is millimetres with the origin at the top-left. */
    interface Painter {
        void paint(Graphics2D g);
    }

    Sheet(double widthMm, double heightMm, double radiusMm, double pxPerMm, Painter painter) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
        this.radiusMm = radiusMm;
        int w = (int) Math.round(widthMm * pxPerMm);
        int h = (int) Math.round(heightMm * pxPerMm);
        double sx = w / widthMm;
        double sy = h / heightMm;
        BufferedImage face = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = face.createGraphics();
        hints(g);
        g.scale(sx, sy);
        painter.paint(g);
        g.dispose();
        BufferedImage cover = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D m = cover.createGraphics();
        hints(m);
        m.scale(sx, sy);
        m.setColor(java.awt.Color.WHITE);
        m.fill(new RoundRectangle2D.Double(0, 0, widthMm, heightMm, 2 * radiusMm, 2 * radiusMm));
        m.dispose();
        byte[] bgr = ((DataBufferByte) face.getRaster().getDataBuffer()).getData();
        byte[] a = ((DataBufferByte) cover.getRaster().getDataBuffer()).getData();
        // premultiply, so that warping against a transparent border and blending with the warped coverage agree
        byte[] bgra = new byte[a.length * 4];
        for (int i = 0; i < a.length; i++) {
            int k = a[i] & 0xFF;
            for (int c = 0; c < 3; c++) {
                bgra[4 * i + c] = (byte) (((bgr[3 * i + c] & 0xFF) * k + 127) / 255);
            }
            bgra[4 * i + 3] = a[i];
        }
        levels[0] = new Mat(h, w, CvType.CV_8UC4);
        levels[0].put(0, 0, bgra);
    }

    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setStroke(new BasicStroke(0.2f));
    }

    /** The four outline corners (virtual sharp corners) in plane mm: top-left, top-right, bottom-right, bottom-left. */
    double[] cornersMm() {
        double x = widthMm / 2;
        double y = heightMm / 2;
        return new double[] {-x, -y, x, -y, x, y, -x, y};
    }

    /** Where a sheet drawn into a frame went: its bounding box and its coverage (0..255) inside it. */
    record Placed(Rect roi, Mat alpha) {
        void release() {
            alpha.release();
        }
    }

    /** A light added on top of the face (a specular sheen): levels per pixel of the box the sheet is drawn into. */
    interface Sheen {
        float[] levels(Rect roi);
    }

    /**
     * The colour of the sheet's ground (B, G, R): the per-channel median of its fully covered texels at a coarse
     * level, which is the plain printed ground for a card whose fields and portrait cover less than half of it.
     */
    synchronized double[] ground() {
        if (ground == null) {
            int l = 0;
            while (l < levels.length - 1 && level(l).cols() > 160) {
                l++;
            }
            Mat m = level(l);
            byte[] px = new byte[m.cols() * m.rows() * 4];
            m.get(0, 0, px);
            int[][] hist = new int[3][256];
            int n = 0;
            for (int i = 0; i < px.length; i += 4) {
                if ((px[i + 3] & 0xFF) == 255) {
                    for (int c = 0; c < 3; c++) {
                        hist[c][px[i + c] & 0xFF]++;
                    }
                    n++;
                }
            }
            double[] g = new double[3];
            for (int c = 0; c < 3; c++) {
                int acc = 0;
                int v = 0;
                while (v < 255 && acc + hist[c][v] < n / 2) {
                    acc += hist[c][v++];
                }
                g[c] = v;
            }
            ground = g;
        }
        return ground.clone();
    }

    /**
     * Draws the sheet into the frame (premultiplied over) at the plane homography h (plane mm to pixels), its
     * colours scaled by the per-channel gains {@code tint} (B, G, R). Returns null when it is wholly outside.
     */
    Placed drawInto(Mat frame, double[] h, double[] tint) {
        return drawInto(frame, h, tint, null);
    }

    /**
     * As {@link #drawInto(Mat, double[], double[])}, with a sheen (may be null) added to every channel of the face
     * in proportion to its coverage, as light reflected by a glossy face is.
     */
    Placed drawInto(Mat frame, double[] h, double[] tint, Sheen sheen) {
        Point[] q = Pinhole.apply(h, cornersMm());
        double[] b = Pinhole.bounds(q);
        int x0 = Math.max(0, (int) Math.floor(b[0]) - 2);
        int y0 = Math.max(0, (int) Math.floor(b[1]) - 2);
        int x1 = Math.min(frame.cols(), (int) Math.ceil(b[2]) + 3);
        int y1 = Math.min(frame.rows(), (int) Math.ceil(b[3]) + 3);
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        Rect roi = new Rect(x0, y0, x1 - x0, y1 - y0);
        // pick the mip level whose resolution is just above the projected one
        double pxPerMm = Math.sqrt(Pinhole.area(q) / (widthMm * heightMm));
        double texPerMm = levels[0].cols() / widthMm;
        int level = 0;
        while (level < levels.length - 1 && texPerMm / 2 >= pxPerMm * 1.15) {
            texPerMm /= 2;
            level++;
        }
        Mat tex = level(level);
        double sx = widthMm / tex.cols();
        double sy = heightMm / tex.rows();
        double[] toMm = {sx, 0, 0.5 * sx - widthMm / 2, 0, sy, 0.5 * sy - heightMm / 2, 0, 0, 1};
        double[] shift = {1, 0, -x0, 0, 1, -y0, 0, 0, 1};
        double[] m = Pinhole.mul(shift, Pinhole.mul(h, toMm));
        Mat hm = new Mat(3, 3, CvType.CV_64F);
        hm.put(0, 0, m);
        Mat warped = new Mat();
        Imgproc.warpPerspective(tex, warped, hm, new Size(roi.width, roi.height), Imgproc.INTER_LINEAR,
                Core.BORDER_CONSTANT, Scalar.all(0));
        hm.release();
        Mat under = frame.submat(roi);
        Mat dst = under.clone();
        int n = roi.width * roi.height;
        byte[] d = new byte[n * 3];
        byte[] s = new byte[n * 4];
        byte[] a = new byte[n];
        dst.get(0, 0, d);
        warped.get(0, 0, s);
        int[] gain = new int[3];
        for (int c = 0; c < 3; c++) {
            gain[c] = (int) Math.round(256 * tint[c]);
        }
        float[] add = sheen == null ? null : sheen.levels(roi);
        for (int i = 0; i < n; i++) {
            int k = s[4 * i + 3] & 0xFF;
            a[i] = (byte) k;
            if (k == 0) {
                continue;
            }
            int j = 3 * i;
            int extra = add == null ? 0 : (int) (add[i] * k * (1 / 255.0) + 0.5);
            for (int c = 0; c < 3; c++) {
                int v = ((d[j + c] & 0xFF) * (255 - k) + 127) / 255 + (((s[4 * i + c] & 0xFF) * gain[c] + 128) >> 8)
                        + extra;
                d[j + c] = (byte) (v > 255 ? 255 : v);
            }
        }
        dst.put(0, 0, d);
        dst.copyTo(under);
        dst.release();
        under.release();
        warped.release();
        Mat alpha = new Mat(roi.height, roi.width, CvType.CV_8UC1);
        alpha.put(0, 0, a);
        return new Placed(roi, alpha);
    }

    private Mat level(int l) {
        if (levels[l] == null) {
            Mat up = level(l - 1);
            Mat down = new Mat();
            Imgproc.resize(up, down, new Size(Math.max(1, Math.round(up.cols() / 2.0)),
                    Math.max(1, Math.round(up.rows() / 2.0))), 0, 0, Imgproc.INTER_AREA);
            levels[l] = down;
        }
        return levels[l];
    }

    void release() {
        for (Mat m : levels) {
            if (m != null) {
                m.release();
            }
        }
    }
}
