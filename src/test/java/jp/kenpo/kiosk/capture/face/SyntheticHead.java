package jp.kenpo.kiosk.capture.face;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat6;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Subdiv2D;

/**
 * A rendered synthetic head: a second, independent source of face frames besides photographs.
 *
 * <p><b>Geometry.</b> The face is the 468-point face mesh with a depth for every point. Its shape is
 * the average of the meshes that the project's own {@link FaceDetector} and {@link FaceLandmarker}
 * find on the two public-domain test photos, each normalised (centred between the cheek points
 * 234 and 454, scaled by their distance, eyes levelled in the image plane and the cheeks levelled
 * in depth), averaged, made left-right symmetric and given a closed mouth; so the shape is
 * nobody's. It is committed, rounded, as {@code faces/synthetic-head-mesh.csv} ({@link #main}
 * rebuilds it). The mesh is triangulated once: Delaunay of the points unrolled round a vertical
 * axis behind the face (so the steep sides of the cheeks cannot fold). A skirt of two rings of
 * triangles continues the face's outline back onto the skull. Around it, simple solids
 * tessellated into triangles as well — a skull, a hair shell, ears, a neck and shoulders in a
 * jacket — make the figure read as a person.
 *
 * <p><b>Units and axes.</b> Head space is the mesh's own: one unit is the distance between the
 * cheek points, x to the image's right, y down, z away from the camera (the nose tip is about
 * 0.7 in front of the cheeks).
 *
 * <p><b>Appearance.</b> Nothing is photographed: the face is a texture painted in the frontal
 * (u, v) plane of the mesh (skin with slight variation, brows, eyes with sclera, iris, pupil,
 * lashes and lid crease, nostrils, lips, the mouth's dark inside with a hint of teeth, the
 * hairline); the other parts are coloured procedurally. Every pixel is shaded Lambert plus
 * ambient from normals interpolated between the vertices (smooth, per-vertex normals), with a
 * light direction of the caller's choice.
 *
 * <p><b>Why a turn shows parallax.</b> The head is turned as a solid in 3-D and seen through a
 * perspective camera with a z-buffer, so the nose tip, which stands well in front of the cheeks,
 * moves sideways between them when the head turns, and the far cheek hides behind the nose. A
 * flat picture turned towards the camera has no such depth: its nose stays in the middle.
 *
 * <p><b>Expression.</b> Opening the mouth turns the lower face (lower lip, chin, jaw) about a
 * hinge near the ears; the mouth's texture was painted slightly open, so when the lips part the
 * dark inside with the upper teeth shows, and when they meet it vanishes. Closed eyes move the
 * upper lid's contour down onto the lower lid, so the lid skin above it covers the eye.
 *
 * <p><b>Rendering, quickly.</b> The z-buffer covers only the figure's bounding box, first at the
 * pixels' centres; the pixels whose 2 × 2 samples may not all show the same smooth surface (next
 * to the backdrop, to another part or material, to a step in depth or a seam in the face's
 * texture) are then drawn sample by sample as a supersampled picture would be, and the others are
 * shaded once, the face's texture read from its average over 2 × 2 or 4 × 4 texels to match the
 * area their samples would have covered. Triangles facing away on closed parts, hair wholly below
 * the hairline and triangles behind what the face and the skull already cover are left out. The
 * backdrop, softened and with the camera's noise, is kept per frame size and seed, so a frame
 * only redoes the figure's box. The painted texture is kept per look (as long as memory allows).
 * The pictures match the plain supersampled ones to within a level or two of 8 bits, but for
 * single pixels at sub-pixel details. A 640×480 frame takes some 20–50 ms (the larger the face,
 * the longer), 1280×720 about 100 ms, painting a look's texture 100–300 ms.
 *
 * <p>A head is immutable once painted (its texture's averages are made when first needed); each
 * {@link #render} call has its own buffers (one set per thread), so one head may render from
 * several threads.
 */
public final class SyntheticHead {

    static {
        jp.kenpo.kiosk.capture.OpenCv.load();
    }

    /** The averaged mesh, a resource of the test sources. */
    static final String MESH_RESOURCE = "/faces/synthetic-head-mesh.csv";

    // --- Mesh points (MediaPipe face mesh numbering) -------------------------------------------------

    static final int CHEEK_IMAGE_LEFT = 234;
    static final int CHEEK_IMAGE_RIGHT = 454;
    static final int FOREHEAD_TOP = 10;
    /** Eye contours, from the outer corner to the inner one; the first eye is the image's left. */
    static final int[][] EYE_UPPER = {{33, 246, 161, 160, 159, 158, 157, 173, 133},
        {263, 466, 388, 387, 386, 385, 384, 398, 362}};
    static final int[][] EYE_LOWER = {{33, 7, 163, 144, 145, 153, 154, 155, 133},
        {263, 249, 390, 373, 374, 380, 381, 382, 362}};
    /** Brows as polygons: upper edge from the outer end inwards, then the lower edge back. */
    static final int[][] BROW = {{70, 63, 105, 66, 107, 55, 65, 52, 53, 46},
        {300, 293, 334, 296, 336, 285, 295, 282, 283, 276}};
    /** Lips, from the image's left corner to the right one. */
    static final int[] LIP_OUTER_UPPER = {61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291};
    static final int[] LIP_OUTER_LOWER = {61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291};
    static final int[] LIP_INNER_UPPER = {78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308};
    static final int[] LIP_INNER_LOWER = {78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308};
    /** The rows between the outer and inner lip contours. */
    static final int[] LIP_MID_UPPER = {184, 74, 73, 72, 11, 302, 303, 304, 408, 183, 42, 41, 38, 12, 268, 271, 272, 407};
    static final int[] LIP_MID_LOWER = {77, 90, 180, 85, 16, 315, 404, 320, 307, 96, 89, 179, 86, 15, 316, 403, 319, 325};
    static final int[] MOUTH_CORNERS = {61, 76, 62, 78, 291, 306, 292, 308};
    /** Around the nostrils (image left, image right) and the nose wings. */
    static final int[][] NOSTRIL = {{79, 238, 20, 242, 141}, {309, 458, 250, 462, 370}};
    static final int[][] NOSE_WING = {{129, 64, 98, 240}, {358, 294, 327, 460}};

    static final int POINTS = FaceLandmarker.POINTS;

    // --- Model constants (head units) ----------------------------------------------------------------

    /** The jaw turns about an axis along x through this point (near the ears, behind the cheeks). */
    static final double HINGE_Y = 0.0;
    static final double HINGE_Z = 0.2;
    /** The jaw's angle with the mouth fully open (mouth = 1). */
    static final double JAW_OPEN = Math.toRadians(11);
    /** The mouth opening the texture was painted at (so its inside has room in texture space). */
    static final double TEXTURE_MOUTH = 0.35;
    /** The head turns about a point in the upper neck. */
    static final double PIVOT_Y = 0.35;
    static final double PIVOT_Z = 0.4;
    /** Camera distance in head units (about 70 cm for a 14 cm wide face). */
    static final double CAMERA_DISTANCE = 5.0;
    /** The face mesh is the head's front surface: it wins depth ties against the parts behind it. */
    static final double FACE_BIAS = 0.3;
    /**
     * The face's edge is continued by a skirt of two rings of triangles, outwards and backwards
     * onto the skull, so the cheeks and the forehead curve smoothly into the sides of the head:
     * the rings' distances from the edge (head units, in texture space) and depth biases.
     */
    static final double[] SKIRT = {0.07, 0.16};
    static final double[] SKIRT_BIAS = {0.22, 0.1};
    /** The vertical axis the mesh is unrolled round for its triangulation, and the unrolled radius. */
    static final double UNROLL_AXIS_Z = 0.6;
    static final double UNROLL_RADIUS = 1.0;
    /** Roughly the head's middle: every triangle of the face faces away from it. */
    static final double[] HEAD_MIDDLE = {0, 0.05, 0.45};
    /** Rendering is supersampled this many times per axis (where the picture has edges), then averaged down. */
    static final int SUPERSAMPLE = 2;

    // Texture space: K texels per head unit, origin at (U0, V0).
    static final double K = 1000;
    static final double U0 = -0.68;
    static final double V0 = -0.72;
    static final int TW = 1360;
    static final int TH = 1560;

    // Skull, hair shell, ears, neck and torso (centres, semi-axes).
    static final double[] SKULL_C = {0, -0.22, 0.2};
    static final double[] SKULL_R = {0.6, 0.74, 0.78};
    static final double HAIR_SCALE = 1.07;
    /** The hair shell wins depth ties even against the face (it is clipped at the hairline). */
    static final double HAIR_BIAS = 0.45;
    /** The neck: a vertical elliptic cylinder (its centre's z, half-width, half-depth), widening at its base. */
    static final double NECK_Z = 0.3;
    static final double NECK_RX = 0.37;
    static final double NECK_RZ = 0.36;
    static final double NECK_TOP = 0.15;
    static final double NECK_BOTTOM = 1.45;
    /** The torso: its top at the neck's base, the shoulders' half-width and drop, its depth and centre. */
    static final double TORSO_TOP = 0.98;
    static final double SHOULDER = 1.45;
    static final double SHOULDER_DROP = 0.55;
    static final double TORSO_DEPTH = 0.55;
    static final double TORSO_Z = 0.4;
    static final double TORSO_BOTTOM = 8;
    /** Where the collar's V begins (head y). */
    static final double NECKLINE = 0.93;

    // Materials.
    static final int M_FACE = 0;
    static final int M_SKULL = 1;
    static final int M_HAIR = 2;
    static final int M_EAR = 3;
    static final int M_NECK = 4;
    static final int M_TORSO = 5;

    // --- Public parameters ---------------------------------------------------------------------------

    /**
     * The person's look.
     *
     * @param skinTone 0 very light … 1 very dark
     * @param hair     hair colour, BGR 0–255
     * @param iris     iris colour, BGR 0–255
     * @param clothes  clothes colour, BGR 0–255
     * @param seed     the skin's and hair's small random variation
     */
    public record Look(double skinTone, double[] hair, double[] iris, double[] clothes, long seed) {
        public static final double[] BLACK_HAIR = {22, 22, 26};
        public static final double[] DARK_BROWN_HAIR = {28, 38, 55};
        public static final double[] BROWN_HAIR = {40, 62, 95};
        public static final double[] AUBURN_HAIR = {35, 60, 130};
        public static final double[] BLOND_HAIR = {90, 150, 190};
        public static final double[] GREY_HAIR = {150, 150, 152};
        public static final double[] BROWN_IRIS = {30, 50, 80};
        public static final double[] DARK_IRIS = {22, 30, 45};
        public static final double[] BLUE_IRIS = {140, 110, 70};
        public static final double[] NAVY = {80, 45, 30};
        public static final double[] GREY_SUIT = {85, 85, 88};

        /** A medium skin, dark brown hair, brown eyes, navy clothes. */
        public static Look standard() {
            return new Look(0.35, DARK_BROWN_HAIR, BROWN_IRIS, NAVY, 1);
        }

        public Look withSkinTone(double tone) {
            return new Look(tone, hair, iris, clothes, seed);
        }

        public Look withHair(double[] colour) {
            return new Look(skinTone, colour, iris, clothes, seed);
        }
    }

    /**
     * The head's pose and expression.
     *
     * @param yaw        degrees, positive turned to the member's own right (the nose moves to the
     *                   image's left: the camera is no mirror)
     * @param pitch      degrees, positive chin up
     * @param roll       degrees, positive tilted clockwise in the image
     * @param mouth      0 closed … 1 wide open
     * @param eyesClosed the upper lids down on the lower ones
     */
    public record HeadPose(double yaw, double pitch, double roll, double mouth, boolean eyesClosed) {
        public static final HeadPose FRONTAL = new HeadPose(0, 0, 0, 0, false);

        public static HeadPose turned(double yaw, double mouth) {
            return new HeadPose(yaw, 0, 0, mouth, false);
        }
    }

    public enum Backdrop {
        /** A plain wall, lit from above (a vertical gradient and a soft vignette). */
        WALL,
        /** The wall with a door frame, a rail and a notice board: a simple office. */
        OFFICE
    }

    /**
     * How the head is placed in the frame.
     *
     * @param frameW      frame width, pixels
     * @param frameH      frame height, pixels
     * @param faceWidthPx the distance between the cheek points in pixels (the head unit at the
     *                    depth of the cheeks; the detector's face box is about 1.1 times this)
     * @param centreX     where the face's centre (midway between the eyes and the mouth) appears when
     *                    the head is frontal
     * @param centreY     likewise
     * @param light       direction towards the light in camera space (x right, y down, z away from the
     *                    camera: a light in front of the face has a negative z)
     * @param backdrop    the background
     * @param seed        the backdrop's and the sensor noise's variation
     */
    public record Shot(int frameW, int frameH, double faceWidthPx, double centreX, double centreY, double[] light,
                       Backdrop backdrop, long seed) {
        /** Light from the upper left, in front of the face. */
        public static final double[] DEFAULT_LIGHT = {-0.35, -0.45, -0.82};

        public static Shot centred(int frameW, int frameH, double faceWidthPx) {
            return new Shot(frameW, frameH, faceWidthPx, frameW / 2.0, frameH / 2.0, DEFAULT_LIGHT, Backdrop.WALL, 0);
        }

        public Shot withLight(double[] direction) {
            return new Shot(frameW, frameH, faceWidthPx, centreX, centreY, direction, backdrop, seed);
        }

        public Shot withBackdrop(Backdrop b, long s) {
            return new Shot(frameW, frameH, faceWidthPx, centreX, centreY, light, b, s);
        }
    }

    // --- Static model: the mesh, its triangles, the jaw's weights, the texture space -------------------

    private static volatile Model model;

    /** The parts of the model every head shares. */
    private static final class Model {
        final double[][] neutral;
        /** How much each point follows the jaw, 0–1. */
        final double[] jaw;
        /** Texture coordinates (head units) of each point: the frontal mesh with the mouth slightly open. */
        final double[] u = new double[POINTS];
        final double[] v = new double[POINTS];
        final int[] triangles;
        /** The points on the mesh's outline, the outline's edges (pairs of points) and each outline point's outward direction. */
        final int[] boundary;
        final int[][] boundaryEdges;
        final double[][] outward;
        /** The face's centre (midway between the eyes and the mouth), head units. */
        final double centreY;
        /**
         * The face's triangles followed by its skirt's: vertices are the mesh points, then two per
         * outline point (the skirt's rings, {@code POINTS + 2 * k + ring} for {@code boundary[k]}).
         */
        final int[] faceTriangles;
        /** The hairline's knots: the direction round the head (0 in front, 1 behind) and the height (head y). */
        final double[][] hairline;

        Model(double[][] mesh) {
            neutral = mesh;
            jaw = jawWeights(mesh);
            double[][] ref = deform(this, TEXTURE_MOUTH, false);
            for (int i = 0; i < POINTS; i++) {
                u[i] = ref[i][0];
                v[i] = ref[i][1];
            }
            // Triangulated on the mesh unrolled round a vertical axis behind the face, where the
            // cheeks' sides, steep in the frontal view, are spread out and cannot fold.
            double[] unrolled = new double[POINTS];
            for (int i = 0; i < POINTS; i++) {
                unrolled[i] = UNROLL_RADIUS * Math.atan2(ref[i][0], UNROLL_AXIS_Z - ref[i][2]);
            }
            triangles = triangulate(unrolled, v);
            Map<Long, Integer> edges = new HashMap<>();
            for (int k = 0; k < triangles.length; k += 3) {
                for (int e = 0; e < 3; e++) {
                    int a = triangles[k + e];
                    int b = triangles[k + (e + 1) % 3];
                    edges.merge((long) Math.min(a, b) * POINTS + Math.max(a, b), 1, Integer::sum);
                }
            }
            List<int[]> outline = new ArrayList<>();
            java.util.TreeSet<Integer> onOutline = new java.util.TreeSet<>();
            for (Map.Entry<Long, Integer> e : edges.entrySet()) {
                if (e.getValue() == 1) {
                    int a = (int) (e.getKey() / POINTS);
                    int b = (int) (e.getKey() % POINTS);
                    outline.add(new int[] {a, b});
                    onOutline.add(a);
                    onOutline.add(b);
                }
            }
            boundaryEdges = outline.toArray(new int[0][]);
            boundary = onOutline.stream().mapToInt(Integer::intValue).toArray();
            outward = new double[boundary.length][];
            for (int k = 0; k < boundary.length; k++) {
                double dx = u[boundary[k]];
                double dy = v[boundary[k]] - 0.05;
                double l = Math.hypot(dx, dy);
                outward[k] = new double[] {dx / l, dy / l};
            }
            double eyes = (mean(mesh, EYE_UPPER[0], 1) + mean(mesh, EYE_UPPER[1], 1)) / 2;
            double mouth = (mesh[13][1] + mesh[14][1]) / 2;
            centreY = (eyes + mouth) / 2;
            int[] slot = new int[POINTS];
            for (int k = 0; k < boundary.length; k++) {
                slot[boundary[k]] = k;
            }
            int[] t = new int[triangles.length + boundaryEdges.length * 12];
            System.arraycopy(triangles, 0, t, 0, triangles.length);
            int n = triangles.length;
            for (int[] e : boundaryEdges) {
                int a = e[0];
                int b = e[1];
                int a1 = POINTS + 2 * slot[a];
                int b1 = POINTS + 2 * slot[b];
                int[] quad = {a, b, b1, a, b1, a1, a1, b1, b1 + 1, a1, b1 + 1, a1 + 1};
                System.arraycopy(quad, 0, t, n, 12);
                n += 12;
            }
            faceTriangles = t;
            double top = mesh[FOREHEAD_TOP][1];
            hairline = new double[][] {{0, top + 0.035}, {0.15, top - 0.005}, {0.3, top + 0.09}, {0.4, -0.02}, {0.47, -0.2},
                {0.6, -0.2}, {0.8, 0.35}, {1.0, 0.5}};
        }
    }

    static Model model() {
        Model m = model;
        if (m == null) {
            synchronized (SyntheticHead.class) {
                m = model;
                if (m == null) {
                    m = new Model(loadMesh());
                    model = m;
                }
            }
        }
        return m;
    }

    static double[][] loadMesh() {
        try (InputStream in = SyntheticHead.class.getResourceAsStream(MESH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MESH_RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            double[][] mesh = new double[POINTS][];
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                mesh[n++] = new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            }
            if (n != POINTS) {
                throw new IllegalStateException(MESH_RESOURCE + ": " + n + " points");
            }
            return mesh;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double mean(double[][] p, int[] idx, int axis) {
        double s = 0;
        for (int i : idx) {
            s += p[i][axis];
        }
        return s / idx.length;
    }

    private static double smoothstep(double a, double b, double x) {
        double t = Math.max(0, Math.min(1, (x - a) / (b - a)));
        return t * t * (3 - 2 * t);
    }

    /**
     * How much each point follows the jaw: the lower lip fully, the upper lip not at all, the mouth
     * corners half; other points by their height against the mouth line (chin and jaw fully).
     */
    static double[] jawWeights(double[][] p) {
        double line = (p[13][1] + p[14][1]) / 2;
        double[] w = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            w[i] = smoothstep(line - 0.02, line + 0.13, p[i][1]);
        }
        for (int[] set : new int[][] {LIP_OUTER_LOWER, LIP_INNER_LOWER, LIP_MID_LOWER}) {
            for (int i : set) {
                w[i] = 1;
            }
        }
        for (int[] set : new int[][] {LIP_OUTER_UPPER, LIP_INNER_UPPER, LIP_MID_UPPER}) {
            for (int i : set) {
                w[i] = 0;
            }
        }
        for (int i : MOUTH_CORNERS) {
            w[i] = 0.45;
        }
        return w;
    }

    /** Turns the points about the jaw's hinge by {@code angle} (radians, positive opens), each by its weight. */
    static void turnJaw(double[][] p, double[] weight, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        for (int i = 0; i < p.length; i++) {
            if (weight[i] <= 0) {
                continue;
            }
            double y = p[i][1] - HINGE_Y;
            double z = p[i][2] - HINGE_Z;
            double ny = y * c - z * s;
            double nz = y * s + z * c;
            p[i][1] += weight[i] * (ny - y);
            p[i][2] += weight[i] * (nz - z);
        }
    }

    /** The mesh in head space with the mouth and eyes as asked (before the head's pose). */
    static double[][] deform(Model m, double mouth, boolean eyesClosed) {
        double[][] p = new double[POINTS][];
        for (int i = 0; i < POINTS; i++) {
            p[i] = m.neutral[i].clone();
        }
        turnJaw(p, m.jaw, Math.max(0, Math.min(1.2, mouth)) * JAW_OPEN);
        if (eyesClosed) {
            for (int e = 0; e < 2; e++) {
                closeEye(p, EYE_UPPER[e], EYE_LOWER[e]);
            }
        }
        return p;
    }

    /**
     * Moves the upper lid's contour onto the lower lid's, and the skin above it part of the way
     * (less the higher it is), so the lid covers the eye.
     */
    static void closeEye(double[][] p, int[] upper, int[] lower) {
        double x0 = Math.min(p[upper[0]][0], p[upper[upper.length - 1]][0]);
        double x1 = Math.max(p[upper[0]][0], p[upper[upper.length - 1]][0]);
        double[][] before = new double[POINTS][];
        for (int i = 0; i < POINTS; i++) {
            before[i] = p[i].clone();
        }
        java.util.Set<Integer> onLower = new java.util.HashSet<>();
        for (int i : lower) {
            onLower.add(i);
        }
        for (int i = 0; i < POINTS; i++) {
            if (onLower.contains(i)) {
                continue;
            }
            double x = before[i][0];
            if (x <= x0 || x >= x1) {
                continue;
            }
            double up = contourY(before, upper, x);
            double gap = contourY(before, lower, x) - up;
            double above = up - before[i][1];
            double w;
            if (above < -1e-6) {
                continue; // below the upper contour: the lower lid and the cheek
            } else if (above < 1e-6 || contains(upper, i)) {
                w = 1;
            } else {
                w = 0.85 * Math.pow(Math.max(0, 1 - above / 0.12), 2);
            }
            p[i][1] += w * gap;
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** The contour's y at x, linearly between its points. */
    private static double contourY(double[][] p, int[] contour, double x) {
        double best = p[contour[0]][1];
        for (int k = 0; k + 1 < contour.length; k++) {
            double xa = p[contour[k]][0];
            double xb = p[contour[k + 1]][0];
            if ((x - xa) * (x - xb) <= 0 && xa != xb) {
                double t = (x - xa) / (xb - xa);
                return p[contour[k]][1] + t * (p[contour[k + 1]][1] - p[contour[k]][1]);
            }
        }
        return best;
    }

    /**
     * Delaunay triangles of the frontal points, without the slivers Delaunay adds along concave
     * stretches of the outline.
     */
    static int[] triangulate(double[] u, double[] v) {
        Subdiv2D sub = new Subdiv2D(new Rect(-10, -10, 20, 20));
        for (int i = 0; i < POINTS; i++) {
            // Scaled so the float coordinates the subdivision hands back identify the points.
            Point pt = new Point(u[i] * 4, v[i] * 4);
            sub.insert(pt);
        }
        MatOfFloat6 list = new MatOfFloat6();
        sub.getTriangleList(list);
        float[] t = list.toArray();
        list.release();
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k + 5 < t.length; k += 6) {
            int a = nearest(u, v, t[k] / 4, t[k + 1] / 4);
            int b = nearest(u, v, t[k + 2] / 4, t[k + 3] / 4);
            int c = nearest(u, v, t[k + 4] / 4, t[k + 5] / 4);
            if (a < 0 || b < 0 || c < 0 || a == b || b == c || a == c) {
                continue;
            }
            double ab = Math.hypot(u[a] - u[b], v[a] - v[b]);
            double bc = Math.hypot(u[b] - u[c], v[b] - v[c]);
            double ca = Math.hypot(u[c] - u[a], v[c] - v[a]);
            double area = Math.abs((u[b] - u[a]) * (v[c] - v[a]) - (u[c] - u[a]) * (v[b] - v[a])) / 2;
            double longest = Math.max(ab, Math.max(bc, ca));
            // Slivers along the outline: long and thin.
            if (longest > 0.16 && area / (longest * longest) < 0.08) {
                continue;
            }
            out.add(a);
            out.add(b);
            out.add(c);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int nearest(double[] u, double[] v, double x, double y) {
        int best = -1;
        double bd = 1e-4;
        for (int i = 0; i < POINTS; i++) {
            double d = Math.abs(u[i] - x) + Math.abs(v[i] - y);
            if (d < bd) {
                bd = d;
                best = i;
            }
        }
        return best;
    }

    // --- Building the averaged mesh ------------------------------------------------------------------

    /**
     * The averaged mesh of the photos: each photo's mesh from the project's detector and
     * landmarker, normalised (centred between the cheek points, scaled by their distance, eyes
     * levelled, cheeks levelled in depth), averaged, made symmetric (each point averaged with its
     * mirror image's counterpart) and its mouth closed by turning the jaw.
     */
    static double[][] averageMesh(List<Path> photos) {
        double[][] sum = new double[POINTS][3];
        try (FaceDetector detector = new FaceDetector(); FaceLandmarker landmarker = new FaceLandmarker()) {
            for (Path photo : photos) {
                Mat img = Imgcodecs.imread(photo.toString());
                if (img.empty()) {
                    throw new IllegalArgumentException("cannot read " + photo);
                }
                List<FaceDetector.Face> faces = detector.detect(img);
                if (faces.isEmpty()) {
                    throw new IllegalStateException("no face in " + photo);
                }
                FaceLandmarker.Mesh mesh = landmarker.landmarks(img, faces.get(0), new FaceLandmarker.Mesh());
                double[][] p = new double[POINTS][];
                for (int i = 0; i < POINTS; i++) {
                    p[i] = new double[] {mesh.x[i], mesh.y[i], mesh.z[i]};
                }
                normalise(p);
                for (int i = 0; i < POINTS; i++) {
                    for (int a = 0; a < 3; a++) {
                        sum[i][a] += p[i][a] / photos.size();
                    }
                }
                img.release();
            }
        }
        double[][] sym = symmetric(sum);
        normalise(sym);
        closeMouth(sym);
        return sym;
    }

    /** Centres, scales and levels a mesh in place. */
    static void normalise(double[][] p) {
        for (int pass = 0; pass < 2; pass++) {
            centre(p);
            // Eyes level in the image plane.
            double ex = mean(p, EYE_UPPER[1], 0) - mean(p, EYE_UPPER[0], 0);
            double ey = mean(p, EYE_UPPER[1], 1) - mean(p, EYE_UPPER[0], 1);
            rotate(p, 0, 1, -Math.atan2(ey, ex));
            // Cheeks level in depth (no yaw).
            double dx = p[CHEEK_IMAGE_RIGHT][0] - p[CHEEK_IMAGE_LEFT][0];
            double dz = p[CHEEK_IMAGE_RIGHT][2] - p[CHEEK_IMAGE_LEFT][2];
            rotate(p, 0, 2, -Math.atan2(dz, dx));
        }
        centre(p);
    }

    private static void centre(double[][] p) {
        double[] c = new double[3];
        for (int a = 0; a < 3; a++) {
            c[a] = (p[CHEEK_IMAGE_LEFT][a] + p[CHEEK_IMAGE_RIGHT][a]) / 2;
        }
        double d = Math.hypot(p[CHEEK_IMAGE_RIGHT][0] - p[CHEEK_IMAGE_LEFT][0],
                p[CHEEK_IMAGE_RIGHT][1] - p[CHEEK_IMAGE_LEFT][1]);
        for (double[] q : p) {
            for (int a = 0; a < 3; a++) {
                q[a] = (q[a] - c[a]) / d;
            }
        }
    }

    /** Rotates axis a towards axis b by the angle. */
    private static void rotate(double[][] p, int a, int b, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        for (double[] q : p) {
            double x = q[a];
            double y = q[b];
            q[a] = x * c - y * s;
            q[b] = x * s + y * c;
        }
    }

    /** Each point averaged with the mirror image of its counterpart across the face's middle. */
    static double[][] symmetric(double[][] p) {
        double[][] out = new double[POINTS][3];
        for (int i = 0; i < POINTS; i++) {
            int j = -1;
            double best = Double.MAX_VALUE;
            for (int k = 0; k < POINTS; k++) {
                double d = Math.pow(p[k][0] + p[i][0], 2) + Math.pow(p[k][1] - p[i][1], 2) + Math.pow(p[k][2] - p[i][2], 2);
                if (d < best) {
                    best = d;
                    j = k;
                }
            }
            out[i][0] = (p[i][0] - p[j][0]) / 2;
            out[i][1] = (p[i][1] + p[j][1]) / 2;
            out[i][2] = (p[i][2] + p[j][2]) / 2;
        }
        return out;
    }

    /** Turns the jaw until the inner lips' middle points meet. */
    static void closeMouth(double[][] p) {
        double[] w = jawWeights(p);
        double lo = -0.5;
        double hi = 0.5;
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            double[][] q = new double[POINTS][];
            for (int i = 0; i < POINTS; i++) {
                q[i] = p[i].clone();
            }
            turnJaw(q, w, mid);
            if (q[14][1] - q[13][1] > 0.001) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        turnJaw(p, w, (lo + hi) / 2);
    }

    /**
     * Rebuilds {@code synthetic-head-mesh.csv} from the two test photos. Arguments: the photos'
     * folder (default {@code src/test/resources/faces}) and the output file (default that folder's
     * {@code synthetic-head-mesh.csv}).
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/faces");
        Path out = args.length > 1 ? Path.of(args[1]) : dir.resolve("synthetic-head-mesh.csv");
        double[][] mesh = averageMesh(List.of(dir.resolve("astronaut.jpg"), dir.resolve("grace_hopper.jpg")));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println("# Synthetic head: the averaged, symmetric 468-point face mesh (x right, y down, z away from");
            w.println("# the camera; unit = distance between points 234 and 454). Made by SyntheticHead.main; see SOURCES.md.");
            for (double[] q : mesh) {
                w.printf(Locale.ROOT, "%.4f,%.4f,%.4f%n", q[0], q[1], q[2]);
            }
        }
        System.out.println("wrote " + out);
    }

    // --- The head ------------------------------------------------------------------------------------

    private final Look look;
    private final Model m;
    private final double[] skin;
    /**
     * The painted face texture, BGR floats, TW × TH, and its averages over 2 × 2 and 4 × 4
     * texels (for whole pixels of smaller faces); shared by the heads of one look, never written
     * once painted.
     */
    private final float[][] tex;
    /** The hair shell (its small bumps follow the look's seed). */
    private final Part hairShell;
    /** The hairline's bounds by bin of direction round the head ({@link #hairlineBin}). */
    private final double[] lineLo;
    private final double[] lineHi;
    /** The hair shell's triangles that lie wholly below the hairline, so none of their points is drawn. */
    private final boolean[] hairClipped;
    /** The hair's strands ({@link HairStrands}), by the look's seed. */
    private final HairStrands strands;

    public SyntheticHead(Look look) {
        this.look = look;
        this.m = model();
        this.skin = skinColour(look.skinTone());
        this.tex = texture(this);
        this.hairShell = hairShell(look.seed());
        double[][] bounds = hairlineBounds(this);
        this.lineLo = bounds[0];
        this.lineHi = bounds[1];
        this.hairClipped = hairClipped();
        this.strands = HairStrands.of(look.seed());
    }

    /**
     * Which hair triangles are wholly below the hairline (less 0.03, as the renderer clips the
     * shell): their lowest corner below the highest the hairline comes over their directions.
     */
    private boolean[] hairClipped() {
        int[] tris = hairShell.tris;
        double[] a = hairShell.attr;
        boolean[] out = new boolean[tris.length / 3];
        double[] blockHi = new double[HAIRLINE_BINS / 64];
        java.util.Arrays.fill(blockHi, -Double.MAX_VALUE);
        for (int bin = 0; bin < HAIRLINE_BINS; bin++) {
            blockHi[bin / 64] = Math.max(blockHi[bin / 64], lineHi[bin]);
        }
        for (int k = 0; k < out.length; k++) {
            int kLo = Integer.MAX_VALUE;
            int kHi = -1;
            double lowest = Double.MAX_VALUE;
            boolean left = false;
            boolean right = false;
            boolean front = true;
            boolean back = true;
            boolean valid = true;
            for (int q = 0; q < 3; q++) {
                int v = 3 * tris[3 * k + q];
                int bin = hairlineBin(a[v], a[v + 2]);
                valid &= bin >= 0;
                kLo = Math.min(kLo, bin);
                kHi = Math.max(kHi, bin);
                lowest = Math.min(lowest, a[v + 1]);
                left |= a[v] < 0;
                right |= a[v] >= 0;
                front &= a[v + 2] < SKULL_C[2];
                back &= a[v + 2] > SKULL_C[2];
            }
            if (!valid) {
                continue;
            }
            if (left && right) {
                // Across the middle: in front, every direction from the front's to the farthest
                // corner's; behind, from the nearest corner's to the back's; round the axis, all.
                if (!back) {
                    kLo = 0;
                }
                if (!front) {
                    kHi = HAIRLINE_BINS - 1;
                }
            }
            double highest = -Double.MAX_VALUE;
            int from = Math.max(0, kLo - 1);
            int to = Math.min(HAIRLINE_BINS - 1, kHi + 1);
            for (int bin = from; bin <= to; bin++) {
                if (bin % 64 == 0 && bin + 63 <= to) {
                    highest = Math.max(highest, blockHi[bin / 64]);
                    bin += 63;
                } else {
                    highest = Math.max(highest, lineHi[bin]);
                }
            }
            out[k] = lowest >= highest - 0.03 + 0.01;
        }
        return out;
    }

    public Look look() {
        return look;
    }

    /** Painted textures by what they depend on (skin tone, hair and iris colours, seed), kept while memory allows. */
    private static final Map<List<Object>, SoftReference<float[][]>> TEXTURES = new HashMap<>();

    private static float[][] texture(SyntheticHead head) {
        Look l = head.look;
        List<Object> key = List.of(l.skinTone(), Arrays.toString(l.hair()), Arrays.toString(l.iris()), l.seed());
        synchronized (TEXTURES) {
            SoftReference<float[][]> ref = TEXTURES.get(key);
            float[][] t = ref == null ? null : ref.get();
            if (t != null) {
                return t;
            }
        }
        float[][] t = new float[TEXTURE_LEVELS][];
        t[0] = new TexturePainter(head).paint();
        synchronized (TEXTURES) {
            TEXTURES.values().removeIf(r -> r.get() == null);
            TEXTURES.put(key, new SoftReference<>(t));
        }
        return t;
    }

    /** The texture and its averages over 2 × 2 and 4 × 4 texels. */
    static final int TEXTURE_LEVELS = 3;

    /** The texture at a level (0 as painted, each next one averaged over 2 × 2), made when first needed. */
    float[] textureLevel(int level) {
        synchronized (tex) {
            float[] t = tex[level];
            if (t == null) {
                t = halved(textureLevel(level - 1), level - 1);
                tex[level] = t;
            }
            return t;
        }
    }

    /**
     * Where texel (x, y) of a texture level starts in its array (its three channels follow):
     * level 0 row by row; the averaged levels in tiles of 8 × 8 texels, row by row of tiles,
     * so that the texels a picture's row reads lie close together whichever way it runs across
     * the texture (a tilted head).
     */
    static int texel(int level, int x, int y) {
        if (level == 0) {
            return (y * TW + x) * 3;
        }
        int tilesX = ((TW >> level) + 7) >> 3;
        return ((((y >> 3) * tilesX + (x >> 3)) << 6) + ((y & 7) << 3) + (x & 7)) * 3;
    }

    /** The next texture level from a level: each texel the average of 2 × 2. */
    private static float[] halved(float[] a, int level) {
        int w = TW >> (level + 1);
        int h = TH >> (level + 1);
        float[] out = new float[(((w + 7) >> 3) * ((h + 7) >> 3)) * 64 * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = texel(level + 1, x, y);
                int i00 = texel(level, 2 * x, 2 * y);
                int i01 = texel(level, 2 * x + 1, 2 * y);
                int i10 = texel(level, 2 * x, 2 * y + 1);
                int i11 = texel(level, 2 * x + 1, 2 * y + 1);
                for (int k = 0; k < 3; k++) {
                    out[o + k] = (a[i00 + k] + a[i01 + k] + a[i10 + k] + a[i11 + k]) * 0.25f;
                }
            }
        }
        return out;
    }

    /** Skin colour (BGR) from very light (0) through medium (0.5) to very dark (1). */
    static double[] skinColour(double tone) {
        double[][] stops = {{186, 206, 240}, {120, 156, 205}, {40, 58, 92}};
        double t = Math.max(0, Math.min(1, tone)) * 2;
        int k = Math.min(1, (int) t);
        double f = t - k;
        double[] c = new double[3];
        for (int a = 0; a < 3; a++) {
            c[a] = stops[k][a] + f * (stops[k + 1][a] - stops[k][a]);
        }
        return c;
    }

    /** The face mesh's points in frame pixels for a pose and shot (as the renderer projects them). */
    public double[][] project(HeadPose pose, Shot shot) {
        double[][] p = deform(m, pose.mouth(), pose.eyesClosed());
        double[][] r = headRotation(pose);
        double[][] out = new double[POINTS][];
        Camera cam = new Camera(shot, 1, m.centreY);
        for (int i = 0; i < POINTS; i++) {
            double[] w = transform(r, p[i]);
            out[i] = new double[] {cam.x(w), cam.y(w), w[2]};
        }
        return out;
    }

    /** Renders a BGR frame with the default light and a plain wall, the face centred at (centreX, centreY). */
    public Mat render(HeadPose pose, int frameW, int frameH, double faceWidthPx, double centreX, double centreY) {
        return render(pose, new Shot(frameW, frameH, faceWidthPx, centreX, centreY, Shot.DEFAULT_LIGHT, Backdrop.WALL, 0));
    }

    /** Renders a BGR frame (8-bit, 3 channels). */
    public Mat render(HeadPose pose, Shot shot) {
        return new Renderer(this, pose, shot).run();
    }

    // --- Geometry per frame ----------------------------------------------------------------------------

    /** R = roll · pitch · yaw, in head space (x right, y down, z away). */
    static double[][] headRotation(HeadPose pose) {
        return rotation(pose.yaw(), pose.pitch(), pose.roll());
    }

    static double[][] rotation(double yawDeg, double pitchDeg, double rollDeg) {
        double y = Math.toRadians(yawDeg);
        double p = Math.toRadians(pitchDeg);
        double r = Math.toRadians(rollDeg);
        // Yaw about the vertical axis: positive moves the nose (z < 0) to negative x (the image's left).
        double[][] ry = {{Math.cos(y), 0, Math.sin(y)}, {0, 1, 0}, {-Math.sin(y), 0, Math.cos(y)}};
        // Pitch about x: positive moves the nose up (to negative y).
        double[][] rx = {{1, 0, 0}, {0, Math.cos(p), Math.sin(p)}, {0, -Math.sin(p), Math.cos(p)}};
        // Roll about z: positive turns clockwise on screen (x towards y).
        double[][] rz = {{Math.cos(r), -Math.sin(r), 0}, {Math.sin(r), Math.cos(r), 0}, {0, 0, 1}};
        return mul(rz, mul(rx, ry));
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** A head-space point turned about the pivot. */
    static double[] transform(double[][] r, double[] p) {
        double x = p[0];
        double y = p[1] - PIVOT_Y;
        double z = p[2] - PIVOT_Z;
        return new double[] {r[0][0] * x + r[0][1] * y + r[0][2] * z,
            r[1][0] * x + r[1][1] * y + r[1][2] * z + PIVOT_Y,
            r[2][0] * x + r[2][1] * y + r[2][2] * z + PIVOT_Z};
    }

    static double[] turn(double[][] r, double[] n) {
        return new double[] {r[0][0] * n[0] + r[0][1] * n[1] + r[0][2] * n[2],
            r[1][0] * n[0] + r[1][1] * n[1] + r[1][2] * n[2],
            r[2][0] * n[0] + r[2][1] * n[1] + r[2][2] * n[2]};
    }

    /** The cross product (a − o) × (b − o): the normal of the triangle o, a, b, as long as twice its area. */
    static double[] normal(double[] o, double[] a, double[] b) {
        double ax = a[0] - o[0];
        double ay = a[1] - o[1];
        double az = a[2] - o[2];
        double bx = b[0] - o[0];
        double by = b[1] - o[1];
        double bz = b[2] - o[2];
        return new double[] {ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx};
    }

    /** Perspective camera looking along +z at the face's centre. */
    static final class Camera {
        final double f;
        final double cx;
        final double cy;
        final double lookY;

        Camera(Shot shot, int scale, double lookY) {
            this.f = shot.faceWidthPx() * CAMERA_DISTANCE * scale;
            this.cx = shot.centreX() * scale;
            this.cy = shot.centreY() * scale;
            this.lookY = lookY;
        }

        double x(double[] w) {
            return cx + f * w[0] / (CAMERA_DISTANCE + w[2]);
        }

        double y(double[] w) {
            return cy + f * (w[1] - lookY) / (CAMERA_DISTANCE + w[2]);
        }
    }

    /**
     * A tessellated part of the figure in its own (head) space: per vertex a position, a normal and
     * attributes (the part-space position, for the ears also the ear's own coordinates), and its
     * triangles as vertex numbers of the part.
     */
    static final class Part {
        final int material;
        /** Whether the part turns with the head (the neck and the torso stay). */
        final boolean turns;
        /** How much nearer than they are the part's vertices count in depth tests. */
        final double bias;
        final int vertices;
        /** Attributes per vertex. */
        final int attrs;
        final double[] pos;
        final double[] normal;
        final double[] attr;
        final int[] tris;
        /**
         * For a part whose inside can never be seen (closed, or its openings covered by other
         * parts), the sign of its triangles' winding against their outward normals (±1): its
         * triangles facing away from the camera are hidden behind its own and are not drawn.
         * 0 for parts drawn whole.
         */
        int sealed;

        Part(int material, boolean turns, double bias, int vertices, int attrs, int triangles) {
            this.material = material;
            this.turns = turns;
            this.bias = bias;
            this.vertices = vertices;
            this.attrs = attrs;
            this.pos = new double[3 * vertices];
            this.normal = new double[3 * vertices];
            this.attr = new double[attrs * vertices];
            this.tris = new int[3 * triangles];
        }

        /** Marks the part sealed ({@link #sealed}), finding its winding from the normals. */
        Part seal() {
            double sum = 0;
            for (int k = 0; k < tris.length; k += 3) {
                int a = 3 * tris[k];
                int b = 3 * tris[k + 1];
                int c = 3 * tris[k + 2];
                double ux = pos[b] - pos[a];
                double uy = pos[b + 1] - pos[a + 1];
                double uz = pos[b + 2] - pos[a + 2];
                double vx = pos[c] - pos[a];
                double vy = pos[c + 1] - pos[a + 1];
                double vz = pos[c + 2] - pos[a + 2];
                double cx = uy * vz - uz * vy;
                double cy = uz * vx - ux * vz;
                double cz = ux * vy - uy * vx;
                double d = cx * (normal[a] + normal[b] + normal[c]) + cy * (normal[a + 1] + normal[b + 1] + normal[c + 1])
                        + cz * (normal[a + 2] + normal[b + 2] + normal[c + 2]);
                sum += Math.signum(d);
            }
            sealed = sum >= 0 ? 1 : -1;
            return this;
        }

        /** Triangles of a grid of rows + 1 by cols + 1 vertices, row by row. */
        void grid(int rows, int cols) {
            int k = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int a = i * (cols + 1) + j;
                    int b = (i + 1) * (cols + 1) + j;
                    tris[k++] = a;
                    tris[k++] = b;
                    tris[k++] = b + 1;
                    tris[k++] = a;
                    tris[k++] = b + 1;
                    tris[k++] = a + 1;
                }
            }
        }
    }

    /** A surface tessellated into rows × cols quads (two triangles each); its attributes are the points. */
    static Part surface(Surface surface, int rows, int cols, double tMax, boolean turns, int material, double bias) {
        Part part = new Part(material, turns, bias, (rows + 1) * (cols + 1), 3, rows * cols * 2);
        int v = 0;
        for (int i = 0; i <= rows; i++) {
            double t = tMax * i / rows;
            for (int j = 0; j <= cols; j++) {
                double s = 2 * Math.PI * j / cols;
                double[] q = surface.at(t, s);
                for (int a = 0; a < 3; a++) {
                    part.pos[3 * v + a] = q[a];
                    part.normal[3 * v + a] = q[3 + a];
                    part.attr[3 * v + a] = q[a];
                }
                v++;
            }
        }
        part.grid(rows, cols);
        return part;
    }

    /** The parts every head shares: skull, ears, neck and torso, tessellated once. */
    private static final class Parts {
        // Sealed: the skull and the ears are closed; the neck's ends are inside the skull and the
        // torso, the torso's neck hole is filled by the neck and its bottom is far out of the frame.
        static final Part SKULL = surface(ellipsoid(SKULL_C, SKULL_R, 2), 40, 72, Math.PI, true, M_SKULL, 0).seal();
        static final Part EAR_LEFT = ear(-1).seal();
        static final Part EAR_RIGHT = ear(1).seal();
        static final Part NECK = surface(neck(), 12, 40, Math.PI, false, M_NECK, 0).seal();
        static final Part TORSO = surface(torso(), 40, 64, Math.PI, false, M_TORSO, 0).seal();
    }

    /** The hair shell: an ellipsoid a little larger than the skull, with small bumps. */
    static Part hairShell(long seed) {
        double[] hr = {SKULL_R[0] * HAIR_SCALE, SKULL_R[1] * HAIR_SCALE + 0.02, SKULL_R[2] * HAIR_SCALE};
        double[] hc = {SKULL_C[0], SKULL_C[1] - 0.02, SKULL_C[2] + 0.01};
        Surface shell = ellipsoid(hc, hr, 2);
        Surface bumpy = (t, s) -> {
            double[] q = shell.at(t, s);
            double k = 1 + 0.012 * noise(q[0] * 9, q[1] * 9, q[2] * 9, seed + 5);
            return new double[] {hc[0] + (q[0] - hc[0]) * k, hc[1] + (q[1] - hc[1]) * k, hc[2] + (q[2] - hc[2]) * k,
                q[3], q[4], q[5]};
        };
        // The hair lies over the face's top and its skirt: what is above the hairline is hair.
        return surface(bumpy, 40, 72, Math.PI * 0.8, true, M_HAIR, HAIR_BIAS);
    }

    /** The neck: a vertical elliptic cylinder widening at its base; t runs 0–π down the neck, s around it. */
    static Surface neck() {
        return (t, s) -> {
            double y = NECK_TOP + (NECK_BOTTOM - NECK_TOP) * t / Math.PI;
            double widen = 1 + 0.25 * smoothstep(1.2, NECK_BOTTOM, y);
            double x = Math.sin(s) * NECK_RX * widen;
            double z = NECK_Z - Math.cos(s) * NECK_RZ * widen;
            double nx = Math.sin(s) / NECK_RX;
            double nz = -Math.cos(s) / NECK_RZ;
            double l = Math.hypot(nx, nz);
            return new double[] {x, y, z, nx / l, 0, nz / l};
        };
    }

    /**
     * An ear: a flat ellipsoid at the side of the head, its face turned outwards and a little
     * forwards. Its attributes: the point, the ear's own coordinates (0 at its centre, ±1 at its
     * rim) and whether the point faces outwards (1) or in (−1).
     */
    static Part ear(int side) {
        double cx = side * (SKULL_R[0] + 0.01);
        double cy = 0.02;
        double cz = 0.24;
        double ry = 0.25;
        double rz = 0.13;
        double rx = 0.05;
        double tilt = Math.toRadians(25); // the ear's face turned forwards
        Surface ear = (t, s) -> {
            double st = Math.sin(t);
            double ly = -Math.cos(t) * ry;
            double lz = -st * Math.cos(s) * rz;
            double lx = st * Math.sin(s) * rx;
            double nx = st * Math.sin(s) / rx;
            double ny = -Math.cos(t) / ry;
            double nz = -st * Math.cos(s) / rz;
            // Turn about y: the outward face (x = side) a little towards the camera.
            double a = side * tilt;
            double ca = Math.cos(a);
            double sa = Math.sin(a);
            double x = lx * ca + lz * sa;
            double z = -lx * sa + lz * ca;
            double mx = nx * ca + nz * sa;
            double mz = -nx * sa + nz * ca;
            double l = Math.sqrt(mx * mx + ny * ny + mz * mz);
            return new double[] {cx + x, cy + ly, cz + z, mx / l, ny / l, mz / l,
                lz / rz, ly / ry, lx * side > 0 ? 1 : -1};
        };
        int rows = 16;
        int cols = 24;
        Part part = new Part(M_EAR, true, 0, (rows + 1) * (cols + 1), 6, rows * cols * 2);
        int v = 0;
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                double[] q = ear.at(Math.PI * i / rows, 2 * Math.PI * j / cols);
                for (int a = 0; a < 3; a++) {
                    part.pos[3 * v + a] = q[a];
                    part.normal[3 * v + a] = q[3 + a];
                    part.attr[6 * v + a] = q[a];
                    part.attr[6 * v + 3 + a] = q[6 + a];
                }
                v++;
            }
        }
        part.grid(rows, cols);
        return part;
    }

    /** A tessellated surface given by a function of two angles, returning point and normal in head space. */
    interface Surface {
        /** Returns {x, y, z, nx, ny, nz} for latitude t (0–π, from y = −r to y = +r) and longitude s (0–2π). */
        double[] at(double t, double s);
    }

    /** An ellipsoid, or with an exponent e above 2 a superquadric (squared off). */
    static Surface ellipsoid(double[] c, double[] r, double e) {
        return (t, s) -> {
            double st = Math.sin(t);
            double ct = Math.cos(t);
            double ss = Math.sin(s);
            double cs = Math.cos(s);
            // Superquadric: signed powers of the trigonometric terms.
            double k = 2 / e;
            double y = -sp(ct, k) * r[1];
            double x = sp(st, k) * sp(ss, k) * r[0];
            double z = -sp(st, k) * sp(cs, k) * r[2];
            // Normal of |x/a|^e + |y/b|^e + |z/c|^e = 1: gradient.
            double nx = gp(x / r[0], e) / r[0];
            double ny = gp(y / r[1], e) / r[1];
            double nz = gp(z / r[2], e) / r[2];
            double l = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (l < 1e-12) {
                nx = 0;
                ny = y < 0 ? -1 : 1;
                nz = 0;
                l = 1;
            }
            return new double[] {c[0] + x, c[1] + y, c[2] + z, nx / l, ny / l, nz / l};
        };
    }

    /**
     * The torso as a surface of revolution-like shell: from the neck's base the shoulders slope and
     * round off (a quarter ellipse in the front view), then the sides run straight down out of the
     * frame; each horizontal section is a rounded rectangle (superellipse), shallower near the neck.
     */
    static Surface torso() {
        double neck = 0.35;
        double arc = Math.PI / 2 * (SHOULDER - neck);
        double side = TORSO_BOTTOM - TORSO_TOP - SHOULDER_DROP;
        Surface position = (t, s) -> {
            // t along the profile: the shoulder's arc for the first part, the straight side after.
            double along = t / Math.PI * (arc + side);
            double r;
            double y;
            if (along < arc) {
                double a = along / arc * Math.PI / 2;
                r = neck + (SHOULDER - neck) * Math.sin(a);
                y = TORSO_TOP + SHOULDER_DROP * (1 - Math.cos(a));
            } else {
                r = SHOULDER - 0.04 * (along - arc);
                y = TORSO_TOP + SHOULDER_DROP + (along - arc);
            }
            double d = TORSO_DEPTH * Math.min(1, 0.45 + 0.55 * (r - neck) / (SHOULDER - neck));
            double x = r * sp(Math.sin(s), 0.75);
            double z = TORSO_Z - d * sp(Math.cos(s), 0.75);
            return new double[] {x, y, z};
        };
        return numericNormals(position, new double[] {0, 0, TORSO_Z});
    }

    /** Adds normals to a position-only surface by finite differences, turned away from an axis (vertical, through c). */
    static Surface numericNormals(Surface position, double[] c) {
        return (t, s) -> {
            double e = 1e-4;
            double[] p = position.at(t, s);
            double[] pt = position.at(t + e, s);
            double[] ps = position.at(t, s + e);
            double[] n = normal(p, pt, ps);
            double nx = n[0];
            double ny = n[1];
            double nz = n[2];
            double l = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (l < 1e-15) {
                return new double[] {p[0], p[1], p[2], 0, -1, 0};
            }
            double out = nx * (p[0] - c[0]) + nz * (p[2] - c[2]) - ny * 0.001;
            double k = out < 0 ? -1 / l : 1 / l;
            return new double[] {p[0], p[1], p[2], nx * k, ny * k, nz * k};
        };
    }

    private static double sp(double v, double k) {
        return Math.signum(v) * Math.pow(Math.abs(v), k);
    }

    private static double gp(double v, double e) {
        return Math.signum(v) * Math.pow(Math.abs(v), e - 1);
    }

    // --- Procedural colours -----------------------------------------------------------------------------

    /** Smooth value noise in 3-D, about −1…1: the lattice's values at a cell's eight corners, blended. */
    static double noise(double x, double y, double z, long seed) {
        return new Octave(seed).at(x, y, z);
    }

    /** The smoothed weight 3f² − 2f³ of a point {@code f} (0…1) of the way across a lattice cell. */
    static double fade(double f) {
        return f * f * (3 - 2 * f);
    }

    private static double lattice(int x, int y, int z, long seed) {
        long h = seed * 0x9E3779B97F4A7C15L + x * 0xBF58476D1CE4E5B9L + y * 0x94D049BB133111EBL + z * 0x2545F4914F6CDD1DL;
        h ^= h >>> 31;
        h *= 0x7FB5D329728EA185L;
        h ^= h >>> 27;
        h *= 0x81DADEF4BC2DD44DL;
        h ^= h >>> 33;
        return ((h >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    /**
     * {@link #noise} of one seed, remembering the lattice values of the last cell it was asked in
     * (neighbouring pixels mostly share cells): the same values, without hashing the cell's corners
     * again. One per thread.
     */
    static final class Octave {
        final long seed;
        int cx = Integer.MIN_VALUE;
        int cy;
        int cz;
        double l0;
        double l1;
        double l2;
        double l3;
        double l4;
        double l5;
        double l6;
        double l7;

        Octave(long seed) {
            this.seed = seed;
        }

        /** {@code noise(x, y, z, seed)}. */
        double at(double x, double y, double z) {
            int xi = (int) Math.floor(x);
            int yi = (int) Math.floor(y);
            int zi = (int) Math.floor(z);
            double fx = fade(x - xi);
            double fy = fade(y - yi);
            double fz = fade(z - zi);
            if (xi != cx || yi != cy || zi != cz) {
                cx = xi;
                cy = yi;
                cz = zi;
                l0 = lattice(xi, yi, zi, seed);
                l1 = lattice(xi + 1, yi, zi, seed);
                l2 = lattice(xi, yi + 1, zi, seed);
                l3 = lattice(xi + 1, yi + 1, zi, seed);
                l4 = lattice(xi, yi, zi + 1, seed);
                l5 = lattice(xi + 1, yi, zi + 1, seed);
                l6 = lattice(xi, yi + 1, zi + 1, seed);
                l7 = lattice(xi + 1, yi + 1, zi + 1, seed);
            }
            double gx = 1 - fx;
            double gy = 1 - fy;
            double gz = 1 - fz;
            double v = 0;
            v += gx * gy * gz * l0;
            v += fx * gy * gz * l1;
            v += gx * fy * gz * l2;
            v += fx * fy * gz * l3;
            v += gx * gy * fz * l4;
            v += fx * gy * fz * l5;
            v += gx * fy * fz * l6;
            v += fx * fy * fz * l7;
            return v;
        }

        /** {@code noise(x, y, 0, seed)}: the corners at z = 1 weigh nothing. */
        double at(double x, double y) {
            int xi = (int) Math.floor(x);
            int yi = (int) Math.floor(y);
            double fx = fade(x - xi);
            double fy = fade(y - yi);
            if (xi != cx || yi != cy || cz != 0) {
                cx = xi;
                cy = yi;
                cz = 0;
                l0 = lattice(xi, yi, 0, seed);
                l1 = lattice(xi + 1, yi, 0, seed);
                l2 = lattice(xi, yi + 1, 0, seed);
                l3 = lattice(xi + 1, yi + 1, 0, seed);
            }
            double gx = 1 - fx;
            double gy = 1 - fy;
            double v = 0;
            v += gx * gy * l0;
            v += fx * gy * l1;
            v += gx * fy * l2;
            v += fx * fy * l3;
            return v;
        }

        /** {@code noise(x, 0, 0, seed)}. */
        double at(double x) {
            return at(x, 0);
        }
    }

    /**
     * {@link #noise} along a row of points that share y and z (a texture's row): the lattice
     * values are folded over y and z once per lattice column, leaving a blend of two columns
     * per point. The same values up to rounding.
     */
    static final class RowNoise {
        final long seed;
        /** Per point of the row: its lattice column (less the first) and its smoothed weight. */
        final int[] col;
        final double[] wx;
        final int first;
        /** The lattice folded over z at two neighbouring y, and their blend for the row. */
        double[] lower;
        double[] upper;
        int yLower = Integer.MIN_VALUE;
        double zLast = Double.NaN;
        final double[] folded;

        /** For points at x = xs[i] · scale. */
        RowNoise(double[] xs, double scale, long seed) {
            this.seed = seed;
            int n = xs.length;
            col = new int[n];
            wx = new double[n];
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                double x = xs[i] * scale;
                int xi = (int) Math.floor(x);
                wx[i] = fade(x - xi);
                col[i] = xi;
                lo = Math.min(lo, xi);
                hi = Math.max(hi, xi);
            }
            first = lo;
            for (int i = 0; i < n; i++) {
                col[i] -= lo;
            }
            folded = new double[hi - lo + 2];
            lower = new double[folded.length];
            upper = new double[folded.length];
        }

        /** The lattice at height y folded over z (its cell zi, smoothed weight fz). */
        private void plane(double[] out, int y, int zi, double fz) {
            for (int k = 0; k < out.length; k++) {
                int x = first + k;
                double a = (1 - fz) * lattice(x, y, zi, seed);
                if (fz != 0) {
                    a += fz * lattice(x, y, zi + 1, seed);
                }
                out[k] = a;
            }
        }

        /** Folds the lattice for the row at (y, z) (both already scaled). */
        void row(double y, double z) {
            int yi = (int) Math.floor(y);
            int zi = (int) Math.floor(z);
            double fy = fade(y - yi);
            double fz = fade(z - zi);
            if (z != zLast || yi != yLower) {
                if (z == zLast && yi == yLower + 1) {
                    double[] t = lower;
                    lower = upper;
                    upper = t;
                } else {
                    plane(lower, yi, zi, fz);
                }
                plane(upper, yi + 1, zi, fz);
                yLower = yi;
                zLast = z;
            }
            for (int k = 0; k < folded.length; k++) {
                folded[k] = (1 - fy) * lower[k] + fy * upper[k];
            }
        }

        /** The noise at point i of the row. */
        double at(int i) {
            int k = col[i];
            double w = wx[i];
            return (1 - w) * folded[k] + w * folded[k + 1];
        }
    }

    /**
     * The hair's brightness (0.86 and three octaves of strands, by the angle round the head and
     * the height) tabulated over the angle's stand-in of {@link #hairlineBin} (signed: negative to
     * the image's left) and the height, four points to the finest strands' period, read
     * bilinearly. Heights beyond the table are computed.
     */
    static final class HairStrands {
        static final double Y0 = -1.25;
        static final double Y1 = 0.65;
        /** Points per unit of the stand-in (it turns at most 2 radians per unit; the finest strands repeat 210 times a radian). */
        static final int PER_P = 4 * 2 * 210;
        /** Rows per unit of height (the finest strands repeat 9 times a unit). */
        static final int PER_Y = 4 * 9;
        static final int COLS = 4 * PER_P + 1;
        static final int ROWS = (int) Math.ceil((Y1 - Y0) * PER_Y) + 1;
        private static final Map<Long, SoftReference<HairStrands>> CACHE = new HashMap<>();

        final long seed;
        final float[] table = new float[COLS * ROWS];

        static HairStrands of(long seed) {
            synchronized (CACHE) {
                SoftReference<HairStrands> ref = CACHE.get(seed);
                HairStrands h = ref == null ? null : ref.get();
                if (h != null) {
                    return h;
                }
            }
            HairStrands h = new HairStrands(seed);
            synchronized (CACHE) {
                CACHE.values().removeIf(r -> r.get() == null);
                CACHE.put(seed, new SoftReference<>(h));
            }
            return h;
        }

        private HairStrands(long seed) {
            this.seed = seed;
            double[] az = new double[COLS];
            for (int j = 0; j < COLS; j++) {
                double p = -2 + (double) j / PER_P;
                double a = Math.abs(p);
                double turn = a <= 1 ? Math.atan2(a, 1 - a) : Math.PI - Math.atan2(2 - a, a - 1);
                az[j] = Math.copySign(turn, p);
            }
            RowNoise n22 = new RowNoise(az, 22, seed + 3);
            RowNoise n75 = new RowNoise(az, 75, seed + 4);
            RowNoise n210 = new RowNoise(az, 210, seed + 10);
            for (int i = 0; i < ROWS; i++) {
                double y = Y0 + (double) i / PER_Y;
                n22.row(y * 2.5, 0);
                n75.row(y * 5, 0);
                n210.row(y * 9, 0);
                for (int j = 0; j < COLS; j++) {
                    table[i * COLS + j] = (float) (0.86 + 0.12 * n22.at(j) + 0.09 * n75.at(j) + 0.07 * n210.at(j));
                }
            }
        }

        /** The brightness at head-space x, y, z (the angle round the head from x and the depth from the skull's centre). */
        double at(double x, double y, double z) {
            double zz = -(z - SKULL_C[2]);
            double ax = Math.abs(x);
            double az = Math.abs(zz);
            double sum = ax + az;
            double fy = (y - Y0) * PER_Y;
            if (!(sum > 0) || !(fy >= 0 && fy < ROWS - 1)) {
                double turn = Math.atan2(x, zz);
                long s = seed;
                return 0.86 + 0.12 * noise(turn * 22, y * 2.5, 0, s + 3) + 0.09 * noise(turn * 75, y * 5, 0, s + 4)
                        + 0.07 * noise(turn * 210, y * 9, 0, s + 10);
            }
            double p = ax / sum;
            if (zz < 0) {
                p = 2 - p;
            }
            double fx = (2 + Math.copySign(p, x)) * PER_P;
            int j = Math.min(COLS - 2, (int) fx);
            int i = (int) fy;
            double tx = fx - j;
            double ty = fy - i;
            int o = i * COLS + j;
            double top = table[o] + tx * (table[o + 1] - table[o]);
            double bottom = table[o + COLS] + tx * (table[o + COLS + 1] - table[o + COLS]);
            return top + ty * (bottom - top);
        }
    }

    /**
     * The hairline's height (head y) by the direction round the head, 0 in front, 0.5 at the
     * side, 1 behind: a short cut with a soft fringe, the temples' corners a little higher, a
     * sideburn in front of the ear, above the ear, and down to the nape at the back. The two
     * octaves are this head's noises of seeds {@code seed + 7} and {@code seed + 8}.
     */
    double hairlineAt(double around, Octave n7, Octave n8) {
        double[][] knots = m.hairline;
        double h = knots[knots.length - 1][1];
        for (int k = 0; k + 1 < knots.length; k++) {
            if (around <= knots[k + 1][0]) {
                h = knots[k][1] + (knots[k + 1][1] - knots[k][1]) * smoothstep(knots[k][0], knots[k + 1][0], around);
                break;
            }
        }
        return h + 0.012 * n7.at(around * 60) + 0.006 * n8.at(around * 200);
    }

    /** The direction round the head of a head-space point, as {@link #hairlineAt} takes it. */
    static double around(double x, double z) {
        return Math.abs(Math.atan2(x, -(z - SKULL_C[2]))) / Math.PI;
    }

    /**
     * Directions round the head are binned by a stand-in for the angle that needs no arc tangent,
     * rising with it: {@code |x| / (|x| + |z'|)} in front of the skull's centre, two minus that
     * behind (z' the depth from the centre), so 0 in front, 1 at the side, 2 behind.
     */
    static final int HAIRLINE_BINS = 2048;

    /** A head-space point's bin, or −1 on the axis. */
    static int hairlineBin(double x, double z) {
        double zz = -(z - SKULL_C[2]);
        double ax = Math.abs(x);
        double az = Math.abs(zz);
        double sum = ax + az;
        if (!(sum > 0)) {
            return -1;
        }
        double p = ax / sum;
        if (zz < 0) {
            p = 2 - p;
        }
        return Math.max(0, Math.min(HAIRLINE_BINS - 1, (int) (p * (HAIRLINE_BINS / 2))));
    }

    /** The direction round the head (as {@link #around}) of a bin's stand-in value. */
    private static double aroundOfBin(double p) {
        p = Math.max(0, Math.min(2, p));
        return p <= 1 ? Math.atan2(p, 1 - p) / Math.PI : 1 - Math.atan2(2 - p, p - 1) / Math.PI;
    }

    /**
     * The hairline's lowest and highest heights in each bin (with a margin far above how much it
     * can vary between the points sampled), so that most points need not compute it.
     */
    private static double[][] hairlineBounds(SyntheticHead head) {
        Octave n7 = new Octave(head.look.seed() + 7);
        Octave n8 = new Octave(head.look.seed() + 8);
        double[] lo = new double[HAIRLINE_BINS];
        double[] hi = new double[HAIRLINE_BINS];
        // A bin spans at most 2 / BINS · 2 / π of the directions, over which the hairline moves
        // less than 13 times as much; sampled 9 times, it can stray from the samples by far less
        // than the margin.
        int samples = 8;
        double margin = 0.003;
        for (int k = 0; k < HAIRLINE_BINS; k++) {
            double a0 = aroundOfBin(2.0 * k / HAIRLINE_BINS - 1e-6);
            double a1 = aroundOfBin(2.0 * (k + 1) / HAIRLINE_BINS + 1e-6);
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = 0; i <= samples; i++) {
                double h = head.hairlineAt(a0 + (a1 - a0) * i / samples, n7, n8);
                min = Math.min(min, h);
                max = Math.max(max, h);
            }
            lo[k] = min - margin;
            hi[k] = max + margin;
        }
        return new double[][] {lo, hi};
    }

    /** Whether {@code y < hairlineAt(around(x, z)) + offset}: the point is above the hairline moved down by −offset. */
    boolean aboveHairline(double x, double y, double z, double offset, Octave n7, Octave n8) {
        int k = hairlineBin(x, z);
        if (k >= 0) {
            if (y < lineLo[k] + offset) {
                return true;
            }
            if (y >= lineHi[k] + offset) {
                return false;
            }
        }
        return y < hairlineAt(around(x, z), n7, n8) + offset;
    }

    // --- The renderer ------------------------------------------------------------------------------------

    /** Per thread, the renderer's buffers (grown as needed, reused between frames while memory allows). */
    private static final ThreadLocal<SoftReference<Buffers>> BUFFERS = new ThreadLocal<>();

    private static Buffers buffers() {
        SoftReference<Buffers> ref = BUFFERS.get();
        Buffers b = ref == null ? null : ref.get();
        if (b == null) {
            b = new Buffers();
            BUFFERS.set(new SoftReference<>(b));
        }
        return b;
    }

    private static final class Buffers {
        // Per pixel of the region: the z-buffer of the pixels' centres (depth less bias, triangle,
        // barycentric coordinates, depth, the face's texture coordinates), each pixel's surface,
        // whether it is supersampled, and the next supersampled pixel in its row (one more per
        // row); per row, the figure's extent.
        float[] pDepth = new float[0];
        int[] pTri = new int[0];
        float[] pA = new float[0];
        float[] pB = new float[0];
        float[] pZ = new float[0];
        float[] pU = new float[0];
        float[] pV = new float[0];
        int[] key = new int[0];
        boolean[] edge = new boolean[0];
        int[] next = new int[0];
        int[] rowFrom = new int[0];
        int[] rowTo = new int[0];
        // Per edge pixel, the next free block of samples in the sample buffers.
        int[] slot = new int[0];
        // The edge pixels' samples, SUPERSAMPLE × SUPERSAMPLE per pixel, row by row.
        float[] depth = new float[0];
        int[] tri = new int[0];
        float[] b0 = new float[0];
        float[] b1 = new float[0];
        /** The softened picture's region (with its margin), BGR floats. */
        float[] picture = new float[0];

        void ensure(int pw, int ph) {
            int pixels = pw * ph;
            if (pDepth.length < pixels) {
                pDepth = new float[pixels];
                pTri = new int[pixels];
                pA = new float[pixels];
                pB = new float[pixels];
                pZ = new float[pixels];
                pU = new float[pixels];
                pV = new float[pixels];
                key = new int[pixels];
                edge = new boolean[pixels];
            }
            if (next.length < (pw + 1) * ph) {
                next = new int[(pw + 1) * ph];
            }
            if (rowFrom.length < ph) {
                rowFrom = new int[ph];
                rowTo = new int[ph];
            }
            if (slot.length < pixels) {
                slot = new int[pixels];
            }
        }

        void ensureSamples(int samples) {
            if (depth.length < samples) {
                depth = new float[samples];
                tri = new int[samples];
                b0 = new float[samples];
                b1 = new float[samples];
            }
        }
    }

    /**
     * The frame as far as the head does not cover it, by frame size and backdrop: the backdrop
     * averaged down from the supersampled one, and the camera's softness and noise applied. A few
     * are kept (a test renders many frames of one shot).
     */
    private static final Map<List<Object>, Background> BACKGROUNDS = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Background> eldest) {
            return size() > 4;
        }
    };

    static Background background(Shot shot) {
        List<Object> key = List.of(shot.frameW(), shot.frameH(), shot.backdrop(), shot.seed());
        synchronized (BACKGROUNDS) {
            Background b = BACKGROUNDS.get(key);
            if (b != null) {
                return b;
            }
        }
        Background b = new Background(shot);
        synchronized (BACKGROUNDS) {
            BACKGROUNDS.put(key, b);
        }
        return b;
    }

    static final class Background {
        final int frameW;
        final int frameH;
        /** The supersampled frame's size. */
        final int w;
        final int h;
        final double[] top;
        final double[] bottom;
        final boolean office;
        final double doorX;
        final double doorW;
        final double railY;
        final double boardX;
        final double boardY;
        /** The vignette's terms by supersampled column and row. */
        final double[] vx;
        final double[] vy;
        /** The backdrop at the frame's size (averaged over the samples of each pixel), before the camera. */
        final float[] small;
        /** The sensor noise. */
        final Mat noise;
        /** The backdrop as the camera sees it: softened, with noise, 8-bit. */
        final Mat frame;

        Background(Shot shot) {
            frameW = shot.frameW();
            frameH = shot.frameH();
            w = frameW * SUPERSAMPLE;
            h = frameH * SUPERSAMPLE;
            Random r = new Random(shot.seed() * 31 + 5);
            top = new double[] {196 + r.nextInt(16), 200 + r.nextInt(14), 204 + r.nextInt(12)};
            bottom = new double[] {top[0] - 38, top[1] - 36, top[2] - 32};
            office = shot.backdrop() == Backdrop.OFFICE;
            doorX = (r.nextBoolean() ? 0.07 : 0.72) * w;
            doorW = 0.2 * w;
            railY = (0.62 + 0.05 * r.nextDouble()) * h;
            boardX = doorX < w / 2.0 ? 0.74 * w : 0.06 * w;
            boardY = 0.18 * h;
            vx = new double[w];
            for (int x = 0; x < w; x++) {
                double fx = (double) x / w;
                vx[x] = Math.pow(fx - 0.5, 2) * 2;
            }
            vy = new double[h];
            for (int y = 0; y < h; y++) {
                double fy = (double) y / h;
                vy[y] = Math.pow(fy - 0.45, 2) * 2;
            }
            small = new float[frameW * frameH * 3];
            float[] s = new float[3];
            float[] acc = new float[3];
            for (int py = 0; py < frameH; py++) {
                for (int px = 0; px < frameW; px++) {
                    acc[0] = 0;
                    acc[1] = 0;
                    acc[2] = 0;
                    for (int j = 0; j < SUPERSAMPLE; j++) {
                        for (int i = 0; i < SUPERSAMPLE; i++) {
                            sample(px * SUPERSAMPLE + i, py * SUPERSAMPLE + j, s);
                            acc[0] += s[0];
                            acc[1] += s[1];
                            acc[2] += s[2];
                        }
                    }
                    int q = (py * frameW + px) * 3;
                    small[q] = acc[0] * AREA;
                    small[q + 1] = acc[1] * AREA;
                    small[q + 2] = acc[2] * AREA;
                }
            }
            Mat m = new Mat(frameH, frameW, CvType.CV_32FC3);
            m.put(0, 0, small);
            Imgproc.GaussianBlur(m, m, new Size(0, 0), BLUR);
            noise = new Mat(m.size(), m.type());
            Core.setRNGSeed((int) (shot.seed() * 7919 + 17));
            Core.randn(noise, 0, NOISE);
            Core.add(m, noise, m);
            frame = new Mat();
            m.convertTo(frame, CvType.CV_8UC3);
            m.release();
        }

        /** The backdrop at a supersampled pixel, BGR. */
        void sample(int x, int y, float[] out) {
            double fy = (double) y / h;
            double vignette = 1 - 0.12 * (vx[x] + vy[y]);
            double c0 = top[0] + fy * (bottom[0] - top[0]);
            double c1 = top[1] + fy * (bottom[1] - top[1]);
            double c2 = top[2] + fy * (bottom[2] - top[2]);
            if (office) {
                if (x > doorX && x < doorX + doorW && fy > 0.08) {
                    boolean frame = x < doorX + 0.012 * w || x > doorX + doorW - 0.012 * w || fy < 0.08 + 0.02;
                    c0 = frame ? 228 : 120;
                    c1 = frame ? 232 : 150;
                    c2 = frame ? 235 : 178;
                } else if (Math.abs(y - railY) < 0.008 * h) {
                    c0 = 215;
                    c1 = 220;
                    c2 = 224;
                } else if (y > railY) {
                    c0 = c0 - 14;
                    c1 = c1 - 12;
                    c2 = c2 - 8;
                }
                if (x > boardX && x < boardX + 0.2 * w && y > boardY && y < boardY + 0.28 * h) {
                    boolean edge = x < boardX + 0.008 * w || x > boardX + 0.192 * w
                            || y < boardY + 0.01 * h || y > boardY + 0.27 * h;
                    c0 = edge ? 150 : 95;
                    c1 = edge ? 160 : 135;
                    c2 = edge ? 170 : 165;
                }
            }
            out[0] = (float) (c0 * vignette);
            out[1] = (float) (c1 * vignette);
            out[2] = (float) (c2 * vignette);
        }
    }

    /** The camera's optical softness (Gaussian sigma, pixels) and sensor noise (standard deviation, 8-bit levels). */
    static final double BLUR = 0.45;
    static final double NOISE = 2.2;
    /** How far the softness reaches, pixels (OpenCV's kernel for the sigma has 5 taps). */
    static final int BLUR_REACH = 3;
    /** A pixel's share of its samples. */
    static final float AREA = 1.0f / (SUPERSAMPLE * SUPERSAMPLE);

    /**
     * One frame: gathers the triangles, rasterises them into a z-buffer over the head's bounding
     * box only (supersampled), shades the covered samples, averages them down with the backdrop's,
     * and lays the result, softened and with the camera's noise, over the kept background.
     */
    private static final class Renderer {
        final SyntheticHead head;
        final HeadPose pose;
        final Shot shot;
        final int w;
        final int h;
        final Camera cam;
        // Vertices: position (camera space), normal, attributes (6 each), depth bias; projected.
        int nv;
        double[] vx;
        double[] vy;
        double[] vz;
        /** Normals, three per vertex. */
        double[] nrm;
        double[] at;
        double[] bias;
        double[] sx;
        double[] sy;
        double[] iw;
        // Triangles: vertices and material.
        int nt;
        int[] ta;
        int[] tb;
        int[] tc;
        int[] tm;
        /** Per triangle: 0, or its part's winding sign if its back faces are not drawn. */
        int[] ts;
        /** The skull's and the hair shell's first triangles. */
        int skullFirst;
        int hairFirst;
        /** Tiles of the pixels' z-buffer: their farthest depth so far, found after the face and after the skull. */
        static final int TILE = 8;
        int tilesX;
        int tilesY;
        float[] tileMax;
        // The region rasterised: its origin and size in samples, its size in pixels, and its buffers.
        int rx0;
        int ry0;
        int rw;
        int rh;
        int pw;
        int ph;
        /** This thread's buffers, held for the frame. */
        Buffers buf;
        float[] pDepth;
        int[] pTri;
        float[] pA;
        float[] pB;
        float[] pZ;
        float[] pU;
        float[] pV;
        int[] key;
        boolean[] edge;
        int[] next;
        int[] slot;
        /** Per row of pixels, the first and last that show the figure (pw and −1 if none). */
        int[] rowFrom;
        int[] rowTo;
        /** Per triangle of the face, {@link #stretch}, once found (0 before). */
        float[] stretch;
        float[] depth;
        int[] tri;
        float[] b0;
        float[] b1;
        // Shading.
        final double lx;
        final double ly;
        final double lz;
        final double hx;
        final double hy;
        final double hz;
        final double hl;
        final Octave skin5;
        final Octave skin40;
        final Octave line60;
        final Octave line200;
        final Octave weave;
        /**
         * The texture level read: 0 for samples; for whole pixels the one whose texels match the
         * area the pixel's samples covered ({@link #pixelLevel}).
         */
        int level;
        final int pixelLevel;
        final float[] pixelTexture;
        /** The albedo of the last sample shaded. */
        double ar;
        double ag;
        double ab;

        Renderer(SyntheticHead head, HeadPose pose, Shot shot) {
            this.head = head;
            this.pose = pose;
            this.shot = shot;
            this.w = shot.frameW() * SUPERSAMPLE;
            this.h = shot.frameH() * SUPERSAMPLE;
            this.cam = new Camera(shot, SUPERSAMPLE, head.m.centreY);
            double[] light = normalised(shot.light());
            lx = light[0];
            ly = light[1];
            lz = light[2];
            hx = light[0];
            hy = light[1];
            hz = light[2] - 1;
            hl = Math.sqrt(hx * hx + hy * hy + hz * hz);
            // The samples of a pixel read the texture over about (their spacing + 2) texels.
            double reach = K / (SUPERSAMPLE * shot.faceWidthPx()) + 2;
            pixelLevel = (int) Math.max(0, Math.min(TEXTURE_LEVELS - 1, Math.round(Math.log(reach / 2) / Math.log(2))));
            pixelTexture = head.textureLevel(pixelLevel);
            long s = head.look.seed();
            skin5 = new Octave(s);
            skin40 = new Octave(s + 1);
            line60 = new Octave(s + 7);
            line200 = new Octave(s + 8);
            weave = new Octave(s + 9);
        }

        Mat run() {
            Background bg = background(shot);
            double[][] r = headRotation(pose);
            Part[] parts = {Parts.SKULL, head.hairShell, Parts.EAR_LEFT, Parts.EAR_RIGHT, Parts.NECK, Parts.TORSO};
            Model m = head.m;
            int faceVertices = POINTS + 2 * m.boundary.length;
            nv = faceVertices;
            nt = m.faceTriangles.length / 3;
            for (Part p : parts) {
                nv += p.vertices;
                nt += p.tris.length / 3;
            }
            vx = new double[nv];
            vy = new double[nv];
            vz = new double[nv];
            nrm = new double[3 * nv];
            at = new double[6 * nv];
            bias = new double[nv];
            ta = new int[nt];
            tb = new int[nt];
            tc = new int[nt];
            tm = new int[nt];
            ts = new int[nt];
            addFace(r);
            int v = faceVertices;
            int t = m.faceTriangles.length / 3;
            for (Part p : parts) {
                if (p == head.hairShell) {
                    hairFirst = t;
                }
                if (p == Parts.SKULL) {
                    skullFirst = t;
                }
                addPart(p, r, v, t);
                v += p.vertices;
                t += p.tris.length / 3;
            }
            // Project, and find the region the figure can cover.
            sx = new double[nv];
            sy = new double[nv];
            iw = new double[nv];
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i < nv; i++) {
                double d = CAMERA_DISTANCE + vz[i];
                sx[i] = cam.cx + cam.f * vx[i] / d;
                sy[i] = cam.cy + cam.f * (vy[i] - cam.lookY) / d;
                iw[i] = 1 / d;
                minX = Math.min(minX, sx[i]);
                maxX = Math.max(maxX, sx[i]);
                minY = Math.min(minY, sy[i]);
                maxY = Math.max(maxY, sy[i]);
            }
            int x0 = (int) Math.max(0, Math.floor(minX));
            int x1 = (int) Math.min(w - 1, Math.ceil(maxX));
            int y0 = (int) Math.max(0, Math.floor(minY));
            int y1 = (int) Math.min(h - 1, Math.ceil(maxY));
            if (x0 > x1 || y0 > y1) {
                return bg.frame.clone();
            }
            // Whole pixels.
            rx0 = x0 - x0 % SUPERSAMPLE;
            ry0 = y0 - y0 % SUPERSAMPLE;
            rw = x1 - x1 % SUPERSAMPLE + SUPERSAMPLE - rx0;
            rh = y1 - y1 % SUPERSAMPLE + SUPERSAMPLE - ry0;
            pw = rw / SUPERSAMPLE;
            ph = rh / SUPERSAMPLE;
            buf = buffers();
            buf.ensure(pw, ph);
            pDepth = buf.pDepth;
            pTri = buf.pTri;
            pA = buf.pA;
            pB = buf.pB;
            pZ = buf.pZ;
            pU = buf.pU;
            pV = buf.pV;
            key = buf.key;
            edge = buf.edge;
            next = buf.next;
            slot = buf.slot;
            rowFrom = buf.rowFrom;
            rowTo = buf.rowTo;
            // The pixels' centres first; then, where the picture has an edge, every sample.
            java.util.Arrays.fill(pDepth, 0, pw * ph, Float.MAX_VALUE);
            java.util.Arrays.fill(pTri, 0, pw * ph, -1);
            tilesX = (pw + TILE - 1) / TILE;
            tilesY = (ph + TILE - 1) / TILE;
            tileMax = new float[tilesX * tilesY];
            java.util.Arrays.fill(tileMax, Float.MAX_VALUE);
            for (int k = 0; k < nt; k++) {
                if (k == skullFirst || k == hairFirst) {
                    // The face, then the skull, hide much of what follows.
                    nearest();
                }
                if (!skip(k)) {
                    raster(k, false);
                }
            }
            if (findEdges()) {
                for (int k = 0; k < nt; k++) {
                    if (!skip(k)) {
                        raster(k, true);
                    }
                }
            }
            return compose(bg);
        }

        /** Per tile of TILE × TILE pixels, the farthest depth (less bias) of the pixels' centres drawn so far. */
        void nearest() {
            java.util.Arrays.fill(tileMax, -Float.MAX_VALUE);
            for (int py = 0; py < ph; py++) {
                int t = (py / TILE) * tilesX;
                int p = py * pw;
                for (int tx = 0; tx < tilesX; tx++) {
                    float far = tileMax[t + tx];
                    int end = Math.min(pw, tx * TILE + TILE);
                    for (int px = tx * TILE; px < end; px++) {
                        float v = pDepth[p + px];
                        if (v > far) {
                            far = v;
                        }
                    }
                    tileMax[t + tx] = far;
                }
            }
        }

        /** Whether triangle t can be left out: hair wholly below the hairline. */
        boolean skip(int t) {
            return tm[t] == M_HAIR && head.hairClipped[t - hairFirst];
        }

        /** The face mesh and its skirt: deformed, turned, with normals from their triangles. */
        void addFace(double[][] r) {
            Model m = head.m;
            double[][] face = deform(m, pose.mouth(), pose.eyesClosed());
            int nb = m.boundary.length;
            int total = POINTS + 2 * nb;
            double[][] p = new double[total][];
            for (int i = 0; i < POINTS; i++) {
                p[i] = face[i];
                at[6 * i] = m.u[i];
                at[6 * i + 1] = m.v[i];
                bias[i] = FACE_BIAS;
            }
            for (int k = 0; k < nb; k++) {
                double[] q = face[m.boundary[k]];
                double[] d = m.outward[k];
                // Round the sides and the top onto the skull; under the jaw, back towards the neck.
                double down = smoothstep(0.3, 0.75, d[1]);
                for (int ring = 0; ring < 2; ring++) {
                    double s = SKIRT[ring];
                    double[] side = {q[0] + s * d[0], q[1] + s * d[1] * 0.6, q[2] + s * 1.5};
                    double[] skull = onSkull(side);
                    double[] round = mix(side, skull, ring == 0 ? 0.6 : 1.0);
                    double[] jaw = {q[0] + s * d[0] * 0.6, q[1] + s * d[1] * 0.3, q[2] + s * 2.2};
                    int i = POINTS + 2 * k + ring;
                    p[i] = mix(round, jaw, down);
                    at[6 * i] = m.u[m.boundary[k]] + s * d[0];
                    at[6 * i + 1] = m.v[m.boundary[k]] + s * d[1];
                    bias[i] = SKIRT_BIAS[ring];
                }
            }
            int[] t = m.faceTriangles;
            double[][] normals = new double[total][3];
            for (int k = 0; k < t.length; k += 3) {
                double[] a = p[t[k]];
                double[] b = p[t[k + 1]];
                double[] c = p[t[k + 2]];
                double[] cn = normal(a, b, c);
                double cnx = cn[0];
                double cny = cn[1];
                double cnz = cn[2];
                // Every triangle faces away from the head's middle.
                double cx = (a[0] + b[0] + c[0]) / 3 - HEAD_MIDDLE[0];
                double cy = (a[1] + b[1] + c[1]) / 3 - HEAD_MIDDLE[1];
                double cz = (a[2] + b[2] + c[2]) / 3 - HEAD_MIDDLE[2];
                double sgn = cnx * cx + cny * cy + cnz * cz < 0 ? -1 : 1;
                for (int q = 0; q < 3; q++) {
                    normals[t[k + q]][0] += sgn * cnx;
                    normals[t[k + q]][1] += sgn * cny;
                    normals[t[k + q]][2] += sgn * cnz;
                }
            }
            for (int i = 0; i < total; i++) {
                double[] n = normals[i];
                double l = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
                double[] nn = l < 1e-12 ? new double[] {0, 0, -1} : new double[] {n[0] / l, n[1] / l, n[2] / l};
                double[] wp = transform(r, p[i]);
                double[] wn = turn(r, nn);
                vx[i] = wp[0];
                vy[i] = wp[1];
                vz[i] = wp[2];
                nrm[3 * i] = wn[0];
                nrm[3 * i + 1] = wn[1];
                nrm[3 * i + 2] = wn[2];
            }
            for (int k = 0; k < t.length / 3; k++) {
                ta[k] = t[3 * k];
                tb[k] = t[3 * k + 1];
                tc[k] = t[3 * k + 2];
                tm[k] = M_FACE;
            }
        }

        /** A part's vertices (turned with the head if it turns) from vertex v on, its triangles from triangle t on. */
        void addPart(Part p, double[][] r, int v, int t) {
            for (int i = 0; i < p.vertices; i++) {
                int o = v + i;
                double px = p.pos[3 * i];
                double py = p.pos[3 * i + 1];
                double pz = p.pos[3 * i + 2];
                double qx = p.normal[3 * i];
                double qy = p.normal[3 * i + 1];
                double qz = p.normal[3 * i + 2];
                if (p.turns) {
                    double y = py - PIVOT_Y;
                    double z = pz - PIVOT_Z;
                    vx[o] = r[0][0] * px + r[0][1] * y + r[0][2] * z;
                    vy[o] = r[1][0] * px + r[1][1] * y + r[1][2] * z + PIVOT_Y;
                    vz[o] = r[2][0] * px + r[2][1] * y + r[2][2] * z + PIVOT_Z;
                    nrm[3 * o] = r[0][0] * qx + r[0][1] * qy + r[0][2] * qz;
                    nrm[3 * o + 1] = r[1][0] * qx + r[1][1] * qy + r[1][2] * qz;
                    nrm[3 * o + 2] = r[2][0] * qx + r[2][1] * qy + r[2][2] * qz;
                } else {
                    vx[o] = px;
                    vy[o] = py;
                    vz[o] = pz;
                    nrm[3 * o] = qx;
                    nrm[3 * o + 1] = qy;
                    nrm[3 * o + 2] = qz;
                }
                System.arraycopy(p.attr, p.attrs * i, at, 6 * o, p.attrs);
                bias[o] = p.bias;
            }
            for (int k = 0; k < p.tris.length / 3; k++) {
                ta[t + k] = v + p.tris[3 * k];
                tb[t + k] = v + p.tris[3 * k + 1];
                tc[t + k] = v + p.tris[3 * k + 2];
                tm[t + k] = p.material;
                ts[t + k] = p.sealed;
            }
        }

        /** The point where the ray from the skull's centre through p meets the skull (a hair inside it). */
        static double[] onSkull(double[] p) {
            double dx = p[0] - SKULL_C[0];
            double dy = p[1] - SKULL_C[1];
            double dz = p[2] - SKULL_C[2];
            double rho = Math.sqrt(Math.pow(dx / SKULL_R[0], 2) + Math.pow(dy / SKULL_R[1], 2) + Math.pow(dz / SKULL_R[2], 2));
            double k = 0.99 / rho;
            return new double[] {SKULL_C[0] + dx * k, SKULL_C[1] + dy * k, SKULL_C[2] + dz * k};
        }

        /**
         * Draws triangle t into a z-buffer: the points it covers where it is nearer (less its
         * depth bias) than what is there. Either the pixels' centres, or every sample of the
         * pixels marked as edges. Row by row over the span its edges allow (a point of margin each
         * side), with the barycentric coordinates stepped along the row.
         */
        void raster(int t, boolean samples) {
            int a = ta[t];
            int b = tb[t];
            int c = tc[t];
            double x0 = sx[a];
            double y0 = sy[a];
            double x1 = sx[b];
            double y1 = sy[b];
            double x2 = sx[c];
            double y2 = sy[c];
            double area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
            if (Math.abs(area) < 1e-9 || ts[t] * area > 0) {
                return; // degenerate, or the back of a sealed part
            }
            // The grid of points: samples (step 1) or the pixels' centres (step SUPERSAMPLE), in sample units.
            int step = samples ? 1 : SUPERSAMPLE;
            double gx = rx0 + step / 2.0;
            double gy = ry0 + step / 2.0;
            int gw = rw / step;
            int gh = rh / step;
            // The region holds every vertex, so clipping to it clips to the frame.
            int minX = Math.max(0, (int) Math.floor((Math.min(x0, Math.min(x1, x2)) - gx) / step));
            int maxX = Math.min(gw - 1, (int) Math.ceil((Math.max(x0, Math.max(x1, x2)) - gx) / step));
            int minY = Math.max(0, (int) Math.floor((Math.min(y0, Math.min(y1, y2)) - gy) / step));
            int maxY = Math.min(gh - 1, (int) Math.ceil((Math.max(y0, Math.max(y1, y2)) - gy) / step));
            if (minX > maxX || minY > maxY) {
                return;
            }
            if (!samples) {
                // Nowhere nearer than what its tiles hold already: hidden.
                // Its nearest depth less bias (with a hair's breadth for rounding).
                double near = CAMERA_DISTANCE + Math.min(vz[a], Math.min(vz[b], vz[c]))
                        - Math.max(bias[a], Math.max(bias[b], bias[c])) - 1e-9;
                boolean hidden = true;
                for (int ty = minY / TILE; ty <= maxY / TILE && hidden; ty++) {
                    for (int tx = minX / TILE; tx <= maxX / TILE; tx++) {
                        if (tileMax[ty * tilesX + tx] > near) {
                            hidden = false;
                            break;
                        }
                    }
                }
                if (hidden) {
                    return;
                }
            }
            if (samples) {
                // Only where there is an edge pixel under the triangle.
                int px0 = minX / SUPERSAMPLE;
                int px1 = maxX / SUPERSAMPLE;
                boolean found = false;
                for (int py = minY / SUPERSAMPLE; py <= maxY / SUPERSAMPLE && !found; py++) {
                    found = next[py * (pw + 1) + px0] <= px1;
                }
                if (!found) {
                    return;
                }
            }
            double inverse = 1 / area;
            // wa, wb, wc: barycentric coordinates, linear along a row; their steps per point.
            double dax = (y1 - y2) * inverse * step;
            double dbx = (y2 - y0) * inverse * step;
            double dcx = -dax - dbx;
            double ra = 1 / dax;
            double rb = 1 / dbx;
            double rc = 1 / dcx;
            double iwA = iw[a];
            double iwB = iw[b];
            double iwC = iw[c];
            double biasA = bias[a];
            double biasB = bias[b];
            double biasC = bias[c];
            boolean hair = tm[t] == M_HAIR;
            double eps = -1e-9;
            float[] zbuf = samples ? depth : pDepth;
            int[] tbuf = samples ? tri : pTri;
            float[] abuf = samples ? b0 : pA;
            float[] bbuf = samples ? b1 : pB;
            int span = maxX - minX;
            double[] lohi = new double[2];
            int w1 = pw + 1;
            for (int py = minY; py <= maxY; py++) {
                if (samples && next[(py / SUPERSAMPLE) * w1 + minX / SUPERSAMPLE] > maxX / SUPERSAMPLE) {
                    continue; // no edge pixel in this row of the triangle's box
                }
                double y = gy + step * py;
                double xs = gx + step * minX;
                double wa0 = ((x1 - xs) * (y2 - y) - (x2 - xs) * (y1 - y)) * inverse;
                double wb0 = ((x2 - xs) * (y0 - y) - (x0 - xs) * (y2 - y)) * inverse;
                double wc0 = 1 - wa0 - wb0;
                int i0 = 0;
                int i1 = span;
                if (span >= 8) {
                    // The span where all three are at least eps: each bounds the row from one side
                    // (narrow boxes are cheaper tested whole).
                    lohi[0] = 0;
                    lohi[1] = span;
                    if (!narrow(lohi, dax, wa0, ra, eps) || !narrow(lohi, dbx, wb0, rb, eps)
                            || !narrow(lohi, dcx, wc0, rc, eps)) {
                        continue;
                    }
                    double lo = lohi[0];
                    double hi = lohi[1];
                    // For the samples, a point of margin each side against rounding (as every
                    // sample is drawn as before); the pixels' centres need none.
                    int margin = samples ? 1 : 0;
                    i0 = Math.max(0, (int) (samples ? Math.floor(lo) : Math.ceil(lo)) - margin);
                    i1 = Math.min(span, (int) (samples ? Math.ceil(hi) : Math.floor(hi)) + margin);
                }
                int row = py * gw + minX;
                // Samples: from edge pixel to edge pixel of this row; pixels: the whole span.
                int pr = (py / SUPERSAMPLE) * (pw + 1);
                int i = samples ? Math.max(i0, next[pr + (minX + i0) / SUPERSAMPLE] * SUPERSAMPLE - minX) : i0;
                while (i <= i1) {
                    double wa = wa0 + i * dax;
                    double wb = wb0 + i * dbx;
                    double wc = 1 - wa - wb;
                    // Samples are kept per edge pixel, SUPERSAMPLE × SUPERSAMPLE after another.
                    int o = samples ? sample(py, minX + i) : row + i;
                    i++;
                    if (samples && (minX + i) % SUPERSAMPLE == 0) {
                        // Past this pixel: on to the next edge pixel.
                        i = Math.max(i, next[pr + (minX + i) / SUPERSAMPLE] * SUPERSAMPLE - minX);
                    }
                    if (wa < eps || wb < eps || wc < eps) {
                        continue;
                    }
                    double inv = wa * iwA + wb * iwB + wc * iwC;
                    double bz = wa * biasA + wb * biasB + wc * biasC;
                    if (inv * (zbuf[o] + bz) < 1 - 1e-9) {
                        continue; // surely behind: 1 / inv − bz > zbuf[o], without dividing
                    }
                    double z = 1 / inv;
                    double d = z - bz;
                    if (d >= zbuf[o]) {
                        continue;
                    }
                    double pa = wa * iwA * z;
                    double pb = wb * iwB * z;
                    if (hair) {
                        double pc = 1 - pa - pb;
                        double hx = pa * at[6 * a] + pb * at[6 * b] + pc * at[6 * c];
                        double hy = pa * at[6 * a + 1] + pb * at[6 * b + 1] + pc * at[6 * c + 1];
                        double hz = pa * at[6 * a + 2] + pb * at[6 * b + 2] + pc * at[6 * c + 2];
                        if (!head.aboveHairline(hx, hy, hz, -0.03, line60, line200)) {
                            continue;
                        }
                    }
                    zbuf[o] = (float) d;
                    tbuf[o] = t;
                    abuf[o] = (float) pa;
                    bbuf[o] = (float) pb;
                    if (!samples) {
                        pZ[o] = (float) z;
                    }
                }
            }
        }

        /**
         * Narrows the points {@code lohi[0]}…{@code lohi[1]} of a row to those where one barycentric coordinate,
         * {@code w0} at the row's first point and {@code dw} more at each next one ({@code rw} = 1 / dw), is at
         * least {@code eps}; false when no point of the row is left.
         */
        private static boolean narrow(double[] lohi, double dw, double w0, double rw, double eps) {
            if (dw > 0) {
                lohi[0] = Math.max(lohi[0], (eps - w0) * rw);
            } else if (dw < 0) {
                lohi[1] = Math.min(lohi[1], (eps - w0) * rw);
            } else if (w0 < eps) {
                return false;
            }
            return lohi[0] <= lohi[1];
        }

        /** Where sample (x, y) of the region (in an edge pixel) is kept. */
        int sample(int y, int x) {
            return slot[(y / SUPERSAMPLE) * pw + x / SUPERSAMPLE] * (SUPERSAMPLE * SUPERSAMPLE)
                    + (y % SUPERSAMPLE) * SUPERSAMPLE + x % SUPERSAMPLE;
        }

        /**
         * Marks the pixels whose samples may not all show the same smooth surface: next to the
         * background, to another part or material (hair or skin on the skull, the collar's V,
         * the ear's two faces), or to a step in depth (the nose before the cheek). Returns
         * whether there is any; prepares the supersampled pixels' buffers.
         */
        boolean findEdges() {
            stretch = new float[nt];
            for (int py = 0; py < ph; py++) {
                int from = pw;
                int to = -1;
                for (int px = 0; px < pw; px++) {
                    int p = py * pw + px;
                    int k = surface(p);
                    key[p] = k;
                    if (k >= 0) {
                        from = Math.min(from, px);
                        to = px;
                    }
                }
                rowFrom[py] = from;
                rowTo[py] = to;
            }
            // A step in depth between neighbours that a smooth surface does not make (it would be
            // seen almost edge on), and one in the face's texture coordinates.
            float step = (float) Math.max(3 / shot.faceWidthPx(), 0.03);
            float texStep = (float) (3 / shot.faceWidthPx());
            int w1 = pw + 1;
            java.util.Arrays.fill(edge, 0, pw * ph, false);
            boolean any = false;
            // Each pair of neighbours (across, down and both diagonals) once, within the figure's
            // extent in the two rows (and a pixel beyond).
            for (int py = 0; py < ph; py++) {
                int from = Math.max(0, Math.min(rowFrom[py], py + 1 < ph ? rowFrom[py + 1] : pw) - 1);
                int to = Math.min(pw - 1, Math.max(rowTo[py], py + 1 < ph ? rowTo[py + 1] : -1) + 1);
                for (int px = from; px <= to; px++) {
                    int p = py * pw + px;
                    int k = key[p];
                    if (k >= 0 && (px == 0 || py == 0 || px == pw - 1 || py == ph - 1
                            || k == 2 * M_FACE && stretch(pTri[p]) > 3)) {
                        // At the frame's edge, or the face's texture squeezed (closed lids and lips).
                        edge[p] = true;
                    }
                    if (px + 1 < pw && differ(p, p + 1, step, texStep)) {
                        edge[p] = true;
                        edge[p + 1] = true;
                    }
                    if (py + 1 < ph) {
                        int q = p + pw;
                        if (differ(p, q, step, texStep)) {
                            edge[p] = true;
                            edge[q] = true;
                        }
                    }
                    any |= edge[p];
                }
            }
            // The next edge pixel in each row (pw if none).
            for (int py = 0; py < ph; py++) {
                int n = pw;
                int row = py * w1;
                next[row + pw] = pw;
                // Edges lie within a pixel of the figure in this row or the next ones.
                int from = rowFrom[py];
                int to = rowTo[py];
                if (py > 0) {
                    from = Math.min(from, rowFrom[py - 1]);
                    to = Math.max(to, rowTo[py - 1]);
                }
                if (py + 1 < ph) {
                    from = Math.min(from, rowFrom[py + 1]);
                    to = Math.max(to, rowTo[py + 1]);
                }
                from = Math.max(0, from - 1);
                to = Math.min(pw - 1, to + 1);
                for (int px = pw - 1; px > to; px--) {
                    next[row + px] = pw;
                }
                for (int px = to; px >= from; px--) {
                    if (edge[py * pw + px]) {
                        n = px;
                    }
                    next[row + px] = n;
                }
                for (int px = from - 1; px >= 0; px--) {
                    next[row + px] = n;
                }
            }
            // The edge pixels' samples, one block each, start empty.
            int edges = 0;
            for (int py = 0; py < ph; py++) {
                for (int px = next[py * w1]; px < pw; px = next[py * w1 + px + 1]) {
                    slot[py * pw + px] = edges++;
                }
            }
            int samples = edges * SUPERSAMPLE * SUPERSAMPLE;
            buf.ensureSamples(samples);
            depth = buf.depth;
            tri = buf.tri;
            b0 = buf.b0;
            b1 = buf.b1;
            java.util.Arrays.fill(depth, 0, samples, Float.MAX_VALUE);
            java.util.Arrays.fill(tri, 0, samples, -1);
            return any;
        }

        /**
         * How much triangle t of the face squeezes its texture into the picture: its texture
         * coordinates' change per sample, against that of the face seen flat (1). Found once.
         */
        float stretch(int t) {
            float v = stretch[t];
            if (v == 0) {
                int a = ta[t];
                int b = tb[t];
                int c = tc[t];
                double e1x = sx[b] - sx[a];
                double e1y = sy[b] - sy[a];
                double e2x = sx[c] - sx[a];
                double e2y = sy[c] - sy[a];
                double det = e1x * e2y - e2x * e1y;
                double du1 = at[6 * b] - at[6 * a];
                double du2 = at[6 * c] - at[6 * a];
                double dv1 = at[6 * b + 1] - at[6 * a + 1];
                double dv2 = at[6 * c + 1] - at[6 * a + 1];
                double ux = (du1 * e2y - du2 * e1y) / det;
                double uy = (du2 * e1x - du1 * e2x) / det;
                double vx = (dv1 * e2y - dv2 * e1y) / det;
                double vy = (dv2 * e1x - dv1 * e2x) / det;
                double flat = Math.sqrt(2) / (SUPERSAMPLE * shot.faceWidthPx());
                v = (float) (Math.sqrt(ux * ux + uy * uy + vx * vx + vy * vy) / flat);
                v = Float.isFinite(v) ? Math.max(v, Float.MIN_VALUE) : Float.MAX_VALUE;
                stretch[t] = v;
            }
            return v;
        }

        /**
         * Whether two neighbouring pixels' centres show different surfaces, or the same one with
         * a step in depth or (the face) in the texture.
         */
        boolean differ(int p, int q, float step, float texStep) {
            int k = key[p];
            if (k != key[q]) {
                return true;
            }
            return k >= 0 && (Math.abs(pZ[p] - pZ[q]) > step
                    || k == 2 * M_FACE && Math.abs(pU[p] - pU[q]) + Math.abs(pV[p] - pV[q]) > texStep);
        }

        /** What a pixel's centre shows: −1 the backdrop, else its material and, within it, which side of a sharp change. */
        int surface(int p) {
            int t = pTri[p];
            if (t < 0) {
                return -1;
            }
            int m = tm[t];
            int side = 0;
            if (m == M_FACE || m == M_SKULL || m == M_TORSO || m == M_EAR) {
                double pa = pA[p];
                double pb = pB[p];
                double pc = 1 - pa - pb;
                int ia = 6 * ta[t];
                int ib = 6 * tb[t];
                int ic = 6 * tc[t];
                if (m == M_FACE) {
                    // Where the texture is read: it may jump between neighbours (the lips' and lids' seams).
                    pU[p] = (float) (pa * at[ia] + pb * at[ib] + pc * at[ic]);
                    pV[p] = (float) (pa * at[ia + 1] + pb * at[ib + 1] + pc * at[ic + 1]);
                } else {
                    double x = pa * at[ia] + pb * at[ib] + pc * at[ic];
                    double y = pa * at[ia + 1] + pb * at[ib + 1] + pc * at[ic + 1];
                    double z = pa * at[ia + 2] + pb * at[ib + 2] + pc * at[ic + 2];
                    if (m == M_SKULL) {
                        side = head.aboveHairline(x, y, z, 0, line60, line200) ? 1 : 0;
                    } else if (m == M_TORSO) {
                        side = z <= TORSO_Z && Math.abs(x) < 0.24 - 0.32 * (y - NECKLINE) ? 1 : 0;
                    } else {
                        side = pa * at[ia + 5] + pb * at[ib + 5] + pc * at[ic + 5] > 0 ? 1 : 0;
                    }
                }
            }
            return 2 * m + side;
        }

        /**
         * Averages the region's samples down to pixels (the backdrop's where the figure is not),
         * softens them with their surroundings and adds the camera's noise, over the background.
         */
        Mat compose(Background bg) {
            int fw = shot.frameW();
            int fh = shot.frameH();
            int px0 = rx0 / SUPERSAMPLE;
            int py0 = ry0 / SUPERSAMPLE;
            // The pixels the softness can carry the figure to (i…), and those it reads for them (e…).
            int ix0 = Math.max(0, px0 - BLUR_REACH);
            int iy0 = Math.max(0, py0 - BLUR_REACH);
            int ix1 = Math.min(fw, px0 + pw + BLUR_REACH);
            int iy1 = Math.min(fh, py0 + ph + BLUR_REACH);
            int ex0 = Math.max(0, px0 - 2 * BLUR_REACH);
            int ey0 = Math.max(0, py0 - 2 * BLUR_REACH);
            int ex1 = Math.min(fw, px0 + pw + 2 * BLUR_REACH);
            int ey1 = Math.min(fh, py0 + ph + 2 * BLUR_REACH);
            int ew = ex1 - ex0;
            int eh = ey1 - ey0;
            if (buf.picture.length < ew * eh * 3) {
                buf.picture = new float[ew * eh * 3];
            }
            float[] e = buf.picture;
            for (int y = 0; y < eh; y++) {
                System.arraycopy(bg.small, ((ey0 + y) * fw + ex0) * 3, e, y * ew * 3, ew * 3);
            }
            float[] s = new float[3];
            int w1 = pw + 1;
            for (int py = 0; py < ph; py++) {
                // The figure's pixels and the edge pixels of this row.
                int from = Math.min(rowFrom[py], next[py * w1]);
                int to = rowTo[py];
                if (next[py * w1] < pw) {
                    for (int px = pw - 1; px > to; px--) {
                        if (edge[py * pw + px]) {
                            to = px;
                            break;
                        }
                    }
                }
                for (int px = from; px <= to; px++) {
                    int p = py * pw + px;
                    float c0 = 0;
                    float c1 = 0;
                    float c2 = 0;
                    if (edge[p]) {
                        // Every sample, the backdrop's where the figure is not.
                        boolean any = false;
                        int base = slot[p] * (SUPERSAMPLE * SUPERSAMPLE);
                        for (int n = 0; n < SUPERSAMPLE * SUPERSAMPLE; n++) {
                            any |= tri[base + n] >= 0;
                        }
                        if (!any) {
                            continue;
                        }
                        // Samples of one triangle of a smooth material are shaded once, at their mean.
                        int done = 0;
                        for (int j = 0; j < SUPERSAMPLE; j++) {
                            for (int i = 0; i < SUPERSAMPLE; i++) {
                                int n = j * SUPERSAMPLE + i;
                                if ((done & 1 << n) != 0) {
                                    continue;
                                }
                                int o = base + n;
                                int t = tri[o];
                                float k = 1;
                                level = 0;
                                if (t < 0) {
                                    bg.sample(rx0 + px * SUPERSAMPLE + i, ry0 + py * SUPERSAMPLE + j, s);
                                } else if (smooth(tm[t]) && (tm[t] != M_FACE || stretch(t) <= 3)) {
                                    double sa = b0[o];
                                    double sb = b1[o];
                                    for (int m = n + 1; m < SUPERSAMPLE * SUPERSAMPLE; m++) {
                                        int om = base + m;
                                        if (tri[om] == t) {
                                            sa += b0[om];
                                            sb += b1[om];
                                            k++;
                                            done |= 1 << m;
                                        }
                                    }
                                    shade(t, sa / k, sb / k, s);
                                } else {
                                    shade(t, b0[o], b1[o], s);
                                }
                                c0 += k * s[0];
                                c1 += k * s[1];
                                c2 += k * s[2];
                            }
                        }
                        c0 *= AREA;
                        c1 *= AREA;
                        c2 *= AREA;
                    } else if (pTri[p] >= 0) {
                        // One smooth surface: shaded once, at the centre.
                        level = pixelLevel;
                        shade(pTri[p], pA[p], pB[p], s);
                        c0 = s[0];
                        c1 = s[1];
                        c2 = s[2];
                    } else {
                        continue;
                    }
                    int q = ((py0 + py - ey0) * ew + px0 + px - ex0) * 3;
                    e[q] = c0;
                    e[q + 1] = c1;
                    e[q + 2] = c2;
                }
            }
            Mat em = new Mat(eh, ew, CvType.CV_32FC3);
            em.put(0, 0, e);
            Imgproc.GaussianBlur(em, em, new Size(0, 0), BLUR);
            Rect inner = new Rect(ix0 - ex0, iy0 - ey0, ix1 - ix0, iy1 - iy0);
            Rect where = new Rect(ix0, iy0, ix1 - ix0, iy1 - iy0);
            Mat sum = new Mat();
            Mat soft = em.submat(inner);
            Mat noise = bg.noise.submat(where);
            Core.add(soft, noise, sum);
            Mat out = bg.frame.clone();
            Mat part = out.submat(where);
            sum.convertTo(part, CvType.CV_8UC3);
            soft.release();
            noise.release();
            part.release();
            sum.release();
            em.release();
            return out;
        }

        /**
         * Whether a material's colour changes smoothly over each triangle (the skull's turns from
         * skin to hair, the torso's from cloth to skin, the ear's from its front to its back).
         */
        static boolean smooth(int material) {
            return material == M_FACE || material == M_HAIR || material == M_NECK;
        }

        /** Shades a point of triangle t at barycentric coordinates (pa, pb): albedo, Lambert plus ambient, a sheen on the hair. */
        void shade(int t, double pa, double pb, float[] out) {
            int a = ta[t];
            int b = tb[t];
            int c = tc[t];
            double pc = 1 - pa - pb;
            int na = 3 * a;
            int nb = 3 * b;
            int nc = 3 * c;
            double mx = pa * nrm[na] + pb * nrm[nb] + pc * nrm[nc];
            double my = pa * nrm[na + 1] + pb * nrm[nb + 1] + pc * nrm[nc + 1];
            double mz = pa * nrm[na + 2] + pb * nrm[nb + 2] + pc * nrm[nc + 2];
            double l = Math.sqrt(mx * mx + my * my + mz * mz);
            if (l > 1e-12) {
                double k = 1 / l;
                mx *= k;
                my *= k;
                mz *= k;
            }
            int material = tm[t];
            int ia = 6 * a;
            int ib = 6 * b;
            int ic = 6 * c;
            double a0 = pa * at[ia] + pb * at[ib] + pc * at[ic];
            double a1 = pa * at[ia + 1] + pb * at[ib + 1] + pc * at[ic + 1];
            switch (material) {
                case M_FACE -> texture(a0, a1);
                case M_SKULL -> {
                    double a2 = pa * at[ia + 2] + pb * at[ib + 2] + pc * at[ic + 2];
                    if (head.aboveHairline(a0, a1, a2, 0, line60, line200)) {
                        hair(a0, a1, a2);
                    } else {
                        skin(a0, a1, a2);
                    }
                }
                case M_HAIR -> {
                    double a2 = pa * at[ia + 2] + pb * at[ib + 2] + pc * at[ic + 2];
                    if (head.aboveHairline(a0, a1, a2, -0.03, line60, line200)) {
                        hair(a0, a1, a2);
                    } else {
                        ar = head.skin[0];
                        ag = head.skin[1];
                        ab = head.skin[2];
                    }
                }
                case M_EAR -> {
                    double a2 = pa * at[ia + 2] + pb * at[ib + 2] + pc * at[ic + 2];
                    double a3 = pa * at[ia + 3] + pb * at[ib + 3] + pc * at[ic + 3];
                    double a4 = pa * at[ia + 4] + pb * at[ib + 4] + pc * at[ic + 4];
                    double a5 = pa * at[ia + 5] + pb * at[ib + 5] + pc * at[ic + 5];
                    skin(a0, a1, a2);
                    double ex = a3 / 0.72;
                    double ey = (a4 - 0.1) / 0.62;
                    double rr = Math.sqrt(ex * ex + ey * ey);
                    double shade = a5 > 0 ? 1 - 0.35 * (1 - smoothstep(0.55, 1.0, rr)) : 0.9;
                    ar = ar * shade * 0.97;
                    ag = ag * shade * 0.97;
                    ab = ab * shade;
                }
                case M_NECK -> {
                    double a2 = pa * at[ia + 2] + pb * at[ib + 2] + pc * at[ic + 2];
                    skin(a0, a1, a2);
                    // Shadow under the jaw.
                    double shade = 0.6 + 0.4 * smoothstep(0.45, 1.0, a1);
                    ar = ar * shade;
                    ag = ag * shade;
                    ab = ab * shade;
                }
                case M_TORSO -> clothes(a0, a1, pa * at[ia + 2] + pb * at[ib + 2] + pc * at[ic + 2]);
                default -> {
                    ar = head.skin[0];
                    ag = head.skin[1];
                    ab = head.skin[2];
                }
            }
            double lambert = Math.max(0, mx * lx + my * ly + mz * lz);
            // Soft wrap of the light round the silhouette, so the far side is not flat grey.
            double s = 0.42 * (0.75 + 0.25 * Math.max(0, -mz)) + 0.68 * lambert;
            if (material == M_HAIR || material == M_SKULL) {
                // A little sheen on the hair.
                double q = Math.max(0, (mx * hx + my * hy + mz * hz) / hl);
                double q2 = q * q;
                double q5 = q2 * q2 * q;
                double q10 = q5 * q5;
                double spec = q10 * q10; // to the 20th
                s += 0.25 * spec;
            }
            out[0] = (float) (ar * s);
            out[1] = (float) (ag * s);
            out[2] = (float) (ab * s);
        }

        /** Bilinear lookup in the face texture (at level {@link #level}). */
        void texture(double u, double v) {
            float[] tex = level == 0 ? head.tex[0] : level == pixelLevel ? pixelTexture : head.textureLevel(level);
            int tw = TW >> level;
            int th = TH >> level;
            double x = (u - U0) * (K / (1 << level)) - 0.5;
            double y = (v - V0) * (K / (1 << level)) - 0.5;
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            double fx = x - x0;
            double fy = y - y0;
            double gx = 1 - fx;
            double gy = 1 - fy;
            int xa = Math.max(0, Math.min(tw - 1, x0));
            int xb = Math.max(0, Math.min(tw - 1, x0 + 1));
            int ya = Math.max(0, Math.min(th - 1, y0));
            int yb = Math.max(0, Math.min(th - 1, y0 + 1));
            int o00 = texel(level, xa, ya);
            int o01 = texel(level, xb, ya);
            int o10 = texel(level, xa, yb);
            int o11 = texel(level, xb, yb);
            double w00 = gx * gy;
            double w01 = fx * gy;
            double w10 = gx * fy;
            double w11 = fx * fy;
            ar = 0;
            ag = 0;
            ab = 0;
            addTexel(tex, o00, w00);
            addTexel(tex, o01, w01);
            addTexel(tex, o10, w10);
            addTexel(tex, o11, w11);
        }

        /** Adds the texel at offset {@code o} of {@code tex}, weighed {@code w}, to the colour (ar, ag, ab). */
        private void addTexel(float[] tex, int o, double w) {
            ar += w * tex[o];
            ag += w * tex[o + 1];
            ab += w * tex[o + 2];
        }

        /** Skin with slight variation at a part-space point. */
        void skin(double x, double y, double z) {
            double[] skin = head.skin;
            double n = 0.035 * skin5.at(x * 5, y * 5, z * 5) + 0.015 * skin40.at(x * 40, y * 40, z * 40);
            ar = skin[0] * (1 + n);
            ag = skin[1] * (1 + n);
            ab = skin[2] * (1 + n);
        }

        /** Hair at a head-space point: strands run down from the crown. */
        void hair(double x, double y, double z) {
            double f = head.strands.at(x, y, z);
            double[] c = head.look.hair();
            ar = c[0] * f;
            ag = c[1] * f;
            ab = c[2] * f;
        }

        /** A jacket over a light shirt with an open collar (the neck's skin in the V). */
        void clothes(double ax, double y, double az) {
            double x = Math.abs(ax);
            double[] c = head.look.clothes();
            double weaveF = 1 + 0.03 * weave.at(ax * 30, y * 30, az * 30);
            double j0 = c[0] * weaveF;
            double j1 = c[1] * weaveF;
            double j2 = c[2] * weaveF;
            if (az > TORSO_Z) {
                ar = j0;
                ag = j1;
                ab = j2;
                return;
            }
            double d = y - NECKLINE;
            double vHalf = 0.24 - 0.32 * d;
            double shirtHalf = 0.36 - 0.12 * d;
            if (x < vHalf) {
                skin(ax, y, az);
                double shade = 0.78 + 0.22 * smoothstep(-0.1, 0.3, d);
                ar = ar * shade;
                ag = ag * shade;
                ab = ab * shade;
                return;
            }
            if (x < shirtHalf) {
                // The collar's fold: a shadow just outside the V.
                double fold = 1 - 0.25 * (1 - smoothstep(0, 0.04, x - vHalf));
                double edge = smoothstep(0, 0.02, shirtHalf - x);
                ar = j0 + edge * (228 * fold - j0);
                ag = j1 + edge * (228 * fold - j1);
                ab = j2 + edge * (225 * fold - j2);
                return;
            }
            // The jacket's lapel line.
            double lapel = 1 - 0.3 * (1 - smoothstep(0, 0.025, Math.abs(x - shirtHalf - 0.12 - 0.1 * d)));
            ar = j0 * lapel;
            ag = j1 * lapel;
            ab = j2 * lapel;
        }
    }

    private static double[] mix(double[] a, double[] b, double t) {
        return new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])};
    }

    static double[] normalised(double[] v) {
        double l = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / l, v[1] / l, v[2] / l};
    }

    // --- The painted texture -----------------------------------------------------------------------------

    /**
     * Paints the face in the frontal (u, v) plane: layers of soft masks blended over the skin. Each
     * mask covers only the part of the texture its shape and blur can reach (a {@link Layer}).
     */
    private static final class TexturePainter {
        final SyntheticHead head;
        final Model m;
        final Look look;
        final double[] skin;
        final float[] tex = new float[TW * TH * 3];
        final Random rnd;

        TexturePainter(SyntheticHead head) {
            this.head = head;
            this.m = head.m;
            this.look = head.look;
            this.skin = head.skin;
            this.rnd = new Random(look.seed() * 1009 + 3);
        }

        Point pt(int i) {
            return new Point((m.u[i] - U0) * K, (m.v[i] - V0) * K);
        }

        Point pt(double u, double v) {
            return new Point((u - U0) * K, (v - V0) * K);
        }

        List<Point> points(int[]... parts) {
            List<Point> pts = new ArrayList<>();
            for (int[] part : parts) {
                for (int i : part) {
                    pts.add(pt(i));
                }
            }
            return pts;
        }

        static int[] reversed(int[] a) {
            int[] b = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                b[i] = a[a.length - 1 - i];
            }
            return b;
        }

        /**
         * A mask over the rectangle of the texture that a shape within {@code box} (texels, its
         * pen's width included) and its blur by {@code sigma} can reach: what a mask over the
         * whole texture would hold there, and nothing but zeros outside. Shapes are drawn on it
         * with {@link #at} points: its own coordinates, moved by whole texels.
         */
        final class Layer {
            final int x;
            final int y;
            final int w;
            final int h;
            final Mat mat;

            Layer(Box box, double sigma) {
                int reach = (int) Math.ceil(4 * sigma) + 3;
                x = Math.max(0, (int) Math.floor(box.x0) - reach);
                y = Math.max(0, (int) Math.floor(box.y0) - reach);
                w = Math.min(TW, (int) Math.ceil(box.x1) + reach + 1) - x;
                h = Math.min(TH, (int) Math.ceil(box.y1) + reach + 1) - y;
                mat = Mat.zeros(h, w, CvType.CV_32F);
            }

            Point at(Point p) {
                return new Point(p.x - x, p.y - y);
            }

            MatOfPoint poly(List<Point> pts) {
                Point[] a = new Point[pts.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = at(pts.get(i));
                }
                return new MatOfPoint(a);
            }

            /** A filled polygon on a new mask of this layer's rectangle (a clip). */
            Mat filled(List<Point> pts) {
                Mat clip = Mat.zeros(h, w, CvType.CV_32F);
                Imgproc.fillPoly(clip, List.of(poly(pts)), new Scalar(1));
                return clip;
            }
        }

        /** The bounds of a shape, texels. */
        static final class Box {
            double x0 = Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;

            Box add(Point p, double pad) {
                x0 = Math.min(x0, p.x - pad);
                y0 = Math.min(y0, p.y - pad);
                x1 = Math.max(x1, p.x + pad);
                y1 = Math.max(y1, p.y + pad);
                return this;
            }

            Box add(List<Point> pts, double pad) {
                for (Point p : pts) {
                    add(p, pad);
                }
                return this;
            }
        }

        static Box box(List<Point> pts, double pad) {
            return new Box().add(pts, pad);
        }

        static Box box(Point p, double pad) {
            return new Box().add(p, pad);
        }

        /** Blends a colour over the texture through a soft mask (blurred by sigma texels). */
        void paint(Layer l, double sigma, double[] colour, double opacity) {
            float[] a = blurred(l, sigma);
            for (int y = 0; y < l.h; y++) {
                for (int x = 0; x < l.w; x++) {
                    double t = Math.min(1, a[y * l.w + x]) * opacity;
                    if (t <= 0) {
                        continue;
                    }
                    int q = ((l.y + y) * TW + l.x + x) * 3;
                    tex[q] += (float) (t * (colour[0] - tex[q]));
                    tex[q + 1] += (float) (t * (colour[1] - tex[q + 1]));
                    tex[q + 2] += (float) (t * (colour[2] - tex[q + 2]));
                }
            }
        }

        /** Multiplies the texture by a factor through a soft mask (shadows, blush). */
        void tint(Layer l, double sigma, double[] factor) {
            float[] a = blurred(l, sigma);
            for (int y = 0; y < l.h; y++) {
                for (int x = 0; x < l.w; x++) {
                    double t = Math.min(1, a[y * l.w + x]);
                    if (t <= 0) {
                        continue;
                    }
                    int q = ((l.y + y) * TW + l.x + x) * 3;
                    for (int k = 0; k < 3; k++) {
                        tex[q + k] *= (float) (1 + t * (factor[k] - 1));
                    }
                }
            }
        }

        private static float[] blurred(Layer l, double sigma) {
            // A wide blur is as good on a mask a quarter or half the size, scaled back.
            int f = sigma >= 12 ? 4 : sigma >= 6 ? 2 : 1;
            if (f > 1 && l.w >= 4 * f && l.h >= 4 * f) {
                Mat small = new Mat();
                Imgproc.resize(l.mat, small, new Size(Math.ceil(l.w / (double) f), Math.ceil(l.h / (double) f)), 0, 0,
                        Imgproc.INTER_AREA);
                Imgproc.GaussianBlur(small, small, new Size(0, 0), sigma / f);
                Imgproc.resize(small, l.mat, new Size(l.w, l.h), 0, 0, Imgproc.INTER_LINEAR);
                small.release();
            } else if (sigma > 0) {
                Imgproc.GaussianBlur(l.mat, l.mat, new Size(0, 0), sigma);
            }
            float[] a = new float[l.w * l.h];
            l.mat.get(0, 0, a);
            l.mat.release();
            return a;
        }

        static double[] scale(double[] c, double f) {
            return new double[] {c[0] * f, c[1] * f, c[2] * f};
        }

        float[] paint() {
            skinBase();
            hairline();
            shading();
            brows();
            for (int e = 0; e < 2; e++) {
                eye(e);
            }
            nose();
            lips();
            return tex;
        }

        void skinBase() {
            double[] us = new double[TW];
            for (int x = 0; x < TW; x++) {
                us[x] = U0 + (x + 0.5) / K;
            }
            RowNoise broad = new RowNoise(us, 5, look.seed());
            RowNoise fine = new RowNoise(us, 40, look.seed() + 1);
            RowNoise pores = new RowNoise(us, 260, look.seed() + 2);
            for (int y = 0; y < TH; y++) {
                double v = V0 + (y + 0.5) / K;
                // The same broad variation as the procedural skin, plus fine pores.
                broad.row(v * 5, -0.5);
                fine.row(v * 40, -0.5);
                pores.row(v * 260, 0.3);
                for (int x = 0; x < TW; x++) {
                    double n = 0.035 * broad.at(x) + 0.015 * fine.at(x) + 0.012 * pores.at(x);
                    int q = (y * TW + x) * 3;
                    tex[q] = (float) (skin[0] * (1 + n));
                    tex[q + 1] = (float) (skin[1] * (1 + n));
                    tex[q + 2] = (float) (skin[2] * (1 + n));
                }
            }
        }

        /** Hair over the top of the forehead, with a soft, slightly uneven edge. */
        void hairline() {
            long seed = look.seed();
            Octave n7 = new Octave(seed + 7);
            Octave n8 = new Octave(seed + 8);
            List<Point> pts = new ArrayList<>();
            pts.add(pt(-0.7, -0.8));
            double forehead = m.neutral[FOREHEAD_TOP][2];
            for (double u = -0.7; u <= 0.701; u += 0.005) {
                // The forehead curves back about 0.9 u² from its middle.
                double around = Math.abs(Math.atan2(u, -(forehead + 0.9 * u * u - SKULL_C[2]))) / Math.PI;
                pts.add(pt(u, head.hairlineAt(around, n7, n8)));
            }
            pts.add(pt(0.7, -0.8));
            Layer l = new Layer(box(pts, 1), 3);
            Imgproc.fillPoly(l.mat, List.of(l.poly(pts)), new Scalar(1));
            // Strand texture over the hair region.
            float[] a = blurred(l, 3);
            // The same strands as the hair shell (the angle round the head is about 1.8 u here).
            double[] az = new double[l.w];
            for (int x = 0; x < l.w; x++) {
                az[x] = 1.8 * (U0 + (l.x + x + 0.5) / K);
            }
            RowNoise h22 = new RowNoise(az, 22, seed + 3);
            RowNoise h75 = new RowNoise(az, 75, seed + 4);
            RowNoise h210 = new RowNoise(az, 210, seed + 10);
            double[] hair = look.hair();
            for (int y = 0; y < l.h; y++) {
                double v = V0 + (l.y + y + 0.5) / K;
                boolean folded = false;
                for (int x = 0; x < l.w; x++) {
                    int i = y * l.w + x;
                    if (a[i] <= 0) {
                        continue;
                    }
                    if (!folded) {
                        h22.row(v * 2.5, 0);
                        h75.row(v * 5, 0);
                        h210.row(v * 9, 0);
                        folded = true;
                    }
                    double f = 0.86 + 0.12 * h22.at(x) + 0.09 * h75.at(x) + 0.07 * h210.at(x);
                    int q = ((l.y + y) * TW + l.x + x) * 3;
                    double t = Math.min(1, a[i]);
                    for (int k = 0; k < 3; k++) {
                        tex[q + k] += (float) (t * (hair[k] * f - tex[q + k]));
                    }
                }
            }
        }

        /** Soft shadows and colour that the geometry's shading alone would miss. */
        void shading() {
            // Warm cheeks.
            for (int side = 0; side < 2; side++) {
                double cu = (side == 0 ? -1 : 1) * 0.27;
                double cv = 0.14;
                Point c = pt(cu, cv);
                Layer l = new Layer(box(c, 0.09 * K + 2), 30);
                Imgproc.ellipse(l.mat, l.at(c), new Size(0.09 * K, 0.07 * K), 0, 0, 360, new Scalar(0.9), -1);
                tint(l, 30, new double[] {0.93, 0.92, 1.03});
            }
            // Eye sockets: a little darker between the brows and the eyes, and under the eyes.
            for (int e = 0; e < 2; e++) {
                double cu = mean(m.u, EYE_UPPER[e]);
                double cv = mean(m.v, EYE_UPPER[e]) - 0.01;
                Point c = pt(cu, cv);
                Layer l = new Layer(box(c, 0.12 * K + 2), 18);
                Imgproc.ellipse(l.mat, l.at(c), new Size(0.12 * K, 0.06 * K), 0, 0, 360, new Scalar(1), -1);
                tint(l, 18, new double[] {0.84, 0.84, 0.88});
            }
            // Nasolabial folds: from the nose wings towards the mouth corners.
            for (int s = 0; s < 2; s++) {
                Point wing = pt(NOSE_WING[s][0]);
                Point corner = pt(s == 0 ? 61 : 291);
                Point a = new Point(wing.x + (s == 0 ? -0.015 : 0.015) * K, wing.y);
                Point b = new Point(corner.x + (s == 0 ? -0.035 : 0.035) * K, corner.y + 0.02 * K);
                int thick = (int) (0.012 * K);
                Layer l = new Layer(box(List.of(a, b), thick + 2), 8);
                Imgproc.line(l.mat, l.at(a), l.at(b), new Scalar(0.8), thick);
                tint(l, 8, new double[] {0.9, 0.9, 0.93});
            }
            // Under the lower lip and the philtrum.
            Point chin = pt(17);
            Point cc = new Point(chin.x, chin.y + 0.025 * K);
            Layer l = new Layer(box(cc, 0.07 * K + 2), 8);
            Imgproc.ellipse(l.mat, l.at(cc), new Size(0.07 * K, 0.015 * K), 0, 0, 360, new Scalar(0.7), -1);
            tint(l, 8, new double[] {0.88, 0.88, 0.9});
            int thick = (int) (0.012 * K);
            Layer ph = new Layer(box(List.of(pt(2), pt(0)), thick + 2), 5);
            Imgproc.line(ph.mat, ph.at(pt(2)), ph.at(pt(0)), new Scalar(0.6), thick);
            tint(ph, 5, new double[] {0.95, 0.95, 0.96});
        }

        private static double mean(double[] a, int[] idx) {
            double s = 0;
            for (int i : idx) {
                s += a[i];
            }
            return s / idx.length;
        }

        void brows() {
            double[] hair = look.hair();
            // Brows are darker than light hair.
            double lum = (hair[0] + hair[1] + hair[2]) / 3;
            double[] brow = lum > 90 ? scale(hair, 0.55) : scale(hair, 0.9);
            for (int e = 0; e < 2; e++) {
                List<Point> poly = points(BROW[e]);
                // Hairs: short strokes along the brow, slanting outwards.
                int[] b = BROW[e];
                List<Point> strokes = new ArrayList<>();
                for (int k = 0; k < 260; k++) {
                    double t = rnd.nextDouble();
                    int seg = Math.min(3, (int) (t * 4));
                    double f = t * 4 - seg;
                    Point up = lerp(pt(b[seg]), pt(b[seg + 1]), f);
                    Point lo = lerp(pt(b[9 - seg]), pt(b[8 - seg]), f);
                    Point s = lerp(lo, up, rnd.nextDouble());
                    double dir = e == 0 ? -1 : 1;
                    Point end = new Point(s.x + dir * (0.012 + 0.008 * rnd.nextDouble()) * K, s.y - 0.006 * K);
                    strokes.add(s);
                    strokes.add(end);
                }
                Layer l = new Layer(box(poly, 1).add(strokes, 3), 2.2);
                Imgproc.fillPoly(l.mat, List.of(l.poly(poly)), new Scalar(0.75));
                for (int k = 0; k < strokes.size(); k += 2) {
                    Imgproc.line(l.mat, l.at(strokes.get(k)), l.at(strokes.get(k + 1)), new Scalar(1), 2);
                }
                paint(l, 2.2, brow, 0.92);
            }
        }

        private static Point lerp(Point a, Point b, double t) {
            return new Point(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
        }

        void eye(int e) {
            int[] up = EYE_UPPER[e];
            int[] lo = EYE_LOWER[e];
            List<Point> opening = points(up, reversed(lo));
            Box openingBox = box(opening, 1);
            // Lid crease above the upper contour.
            List<Point> cp = new ArrayList<>();
            for (int i = 1; i < up.length - 1; i++) {
                Point p = pt(up[i]);
                cp.add(new Point(p.x, p.y - 0.022 * K));
            }
            int creaseWidth = (int) (0.006 * K);
            Layer crease = new Layer(box(cp, creaseWidth + 2), 4);
            Imgproc.polylines(crease.mat, List.of(crease.poly(cp)), false, new Scalar(0.7), creaseWidth);
            tint(crease, 4, new double[] {0.78, 0.78, 0.82});

            // Sclera, slightly shadowed under the upper lid.
            Layer sclera = new Layer(openingBox, 1.2);
            Imgproc.fillPoly(sclera.mat, List.of(sclera.poly(opening)), new Scalar(1));
            Mat clip = sclera.mat.clone();
            paint(sclera, 1.2, new double[] {212, 218, 224}, 1);
            double cu = (m.u[up[0]] + m.u[up[up.length - 1]]) / 2;
            double cv = (m.v[up[4]] + m.v[lo[4]]) / 2 - 0.002;
            double width = Math.abs(m.u[up[0]] - m.u[up[up.length - 1]]);
            double ir = 0.2 * width;
            // Iris, pupil and a catch light, inside the opening only.
            float[] clipA = new float[sclera.w * sclera.h];
            clip.get(0, 0, clipA);
            clip.release();
            Point c = pt(cu, cv);
            double[] iris = look.iris();
            Octave fibres = new Octave(look.seed() + 8);
            int x0 = (int) (c.x - ir * K - 2);
            int x1 = (int) (c.x + ir * K + 2);
            int y0 = (int) (c.y - ir * K - 2);
            int y1 = (int) (c.y + ir * K + 2);
            double upperV = Math.min(m.v[up[3]], Math.min(m.v[up[4]], m.v[up[5]]));
            for (int y = Math.max(sclera.y, y0); y <= Math.min(sclera.y + sclera.h - 1, y1); y++) {
                for (int x = Math.max(sclera.x, x0); x <= Math.min(sclera.x + sclera.w - 1, x1); x++) {
                    if (clipA[(y - sclera.y) * sclera.w + x - sclera.x] <= 0) {
                        continue;
                    }
                    double d = Math.hypot(x + 0.5 - c.x, y + 0.5 - c.y) / (ir * K);
                    if (d > 1.04) {
                        continue;
                    }
                    double ang = Math.atan2(y - c.y, x - c.x);
                    double fibre = 1 + 0.12 * Math.sin(ang * 23 + 4 * d) + 0.06 * fibres.at(ang * 5, d * 6);
                    double[] col;
                    if (d < 0.42) {
                        col = new double[] {12, 12, 14};
                    } else {
                        double ring = d > 0.86 ? 0.55 : 1.0 - 0.25 * (d - 0.42);
                        col = scale(iris, ring * fibre);
                    }
                    double edge = Math.max(0, Math.min(1, (1.04 - d) / 0.06));
                    int q = (y * TW + x) * 3;
                    for (int k = 0; k < 3; k++) {
                        tex[q + k] += (float) (edge * (col[k] - tex[q + k]));
                    }
                }
            }
            Layer lid = new Layer(openingBox, 4);
            Imgproc.rectangle(lid.mat, lid.at(pt(cu - width, upperV - 0.05)), lid.at(pt(cu + width, upperV + 0.012)),
                    new Scalar(1), -1);
            Mat lidClip = lid.filled(opening);
            Core.multiply(lid.mat, lidClip, lid.mat);
            lidClip.release();
            tint(lid, 4, new double[] {0.7, 0.7, 0.72});
            Layer glint = new Layer(openingBox, 1.0);
            Imgproc.circle(glint.mat, glint.at(new Point(c.x - 0.35 * ir * K, c.y - 0.35 * ir * K)),
                    (int) Math.max(2, 0.18 * ir * K), new Scalar(1), -1);
            Mat glintClip = glint.filled(opening);
            Core.multiply(glint.mat, glintClip, glint.mat);
            glintClip.release();
            paint(glint, 1.0, new double[] {235, 240, 245}, 0.85);

            // Upper lash line (with a short wing at the outer corner) and a lighter lower one.
            double[] lash = {20, 20, 24};
            List<Point> lp = new ArrayList<>();
            for (int i : up) {
                lp.add(pt(i));
            }
            Point outer = pt(up[0]);
            double dir = e == 0 ? -1 : 1;
            lp.add(0, new Point(outer.x + dir * 0.012 * K, outer.y - 0.006 * K));
            List<Point> lashes = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                double t = 0.1 + 0.85 * rnd.nextDouble();
                int seg = (int) (t * (up.length - 1));
                Point p = lerp(pt(up[seg]), pt(up[seg + 1]), t * (up.length - 1) - seg);
                double slant = dir * (1 - t) * 0.008;
                lashes.add(p);
                lashes.add(new Point(p.x + slant * K, p.y - 0.009 * K));
            }
            int lashWidth = (int) (0.0075 * K);
            Layer ul = new Layer(box(lp, lashWidth + 2).add(lashes, 3), 1.3);
            Imgproc.polylines(ul.mat, List.of(ul.poly(lp)), false, new Scalar(1), lashWidth);
            for (int k = 0; k < lashes.size(); k += 2) {
                Imgproc.line(ul.mat, ul.at(lashes.get(k)), ul.at(lashes.get(k + 1)), new Scalar(1), 2);
            }
            paint(ul, 1.3, lash, 0.95);
            List<Point> lower = points(lo);
            int lowerWidth = (int) (0.003 * K);
            Layer ll = new Layer(box(lower, lowerWidth + 2), 1.5);
            Imgproc.polylines(ll.mat, List.of(ll.poly(lower)), false, new Scalar(1), lowerWidth);
            paint(ll, 1.5, scale(skin, 0.55), 0.6);
        }

        void nose() {
            double[] dark = scale(skin, 0.28);
            for (int s = 0; s < 2; s++) {
                double u = mean(m.u, NOSTRIL[s]);
                double v = mean(m.v, NOSTRIL[s]);
                Point c = pt(u, v);
                Layer l = new Layer(box(c, 0.022 * K + 2), 3);
                Imgproc.ellipse(l.mat, l.at(c), new Size(0.022 * K, 0.009 * K), s == 0 ? 20 : -20, 0, 360, new Scalar(1), -1);
                paint(l, 3, dark, 0.65);
                // The wing's crease.
                List<Point> arc = points(NOSE_WING[s]);
                int thick = (int) (0.007 * K);
                Layer wing = new Layer(box(arc, thick + 2), 4);
                Imgproc.polylines(wing.mat, List.of(wing.poly(arc)), false, new Scalar(0.8), thick);
                tint(wing, 4, new double[] {0.82, 0.82, 0.86});
            }
            // Darker sides of the nose bridge.
            for (int s = 0; s < 2; s++) {
                double du = (s == 0 ? -1 : 1) * 0.055;
                Point a = pt(du, m.v[168]);
                Point b = pt(du * 1.3, m.v[4]);
                int thick = (int) (0.02 * K);
                Layer l = new Layer(box(List.of(a, b), thick + 2), 10);
                Imgproc.line(l.mat, l.at(a), l.at(b), new Scalar(0.6), thick);
                tint(l, 10, new double[] {0.92, 0.92, 0.95});
            }
        }

        void lips() {
            double[] lip = {skin[0] * 0.72, skin[1] * 0.66, Math.min(255, skin[2] * 0.9 + 12)};
            double[] upperLip = scale(lip, 0.88);
            // Upper lip: between the outer and inner upper contours; the lower lip likewise.
            List<Point> upper = points(LIP_OUTER_UPPER, reversed(LIP_INNER_UPPER));
            Layer ul = new Layer(box(upper, 1), 1.8);
            Imgproc.fillPoly(ul.mat, List.of(ul.poly(upper)), new Scalar(1));
            paint(ul, 1.8, upperLip, 0.85);
            List<Point> lower = points(LIP_OUTER_LOWER, reversed(LIP_INNER_LOWER));
            Layer ll = new Layer(box(lower, 1), 1.8);
            Imgproc.fillPoly(ll.mat, List.of(ll.poly(lower)), new Scalar(1));
            paint(ll, 1.8, lip, 0.85);
            // A soft highlight on the lower lip.
            Point mid = lerp(pt(14), pt(17), 0.45);
            Layer hl = new Layer(box(mid, 0.04 * K + 2), 5);
            Imgproc.ellipse(hl.mat, hl.at(mid), new Size(0.04 * K, 0.008 * K), 0, 0, 360, new Scalar(1), -1);
            tint(hl, 5, new double[] {1.12, 1.12, 1.1});

            // The mouth's inside: dark, upper teeth under the upper lip, the tongue low at the back.
            List<Point> mouth = points(LIP_INNER_UPPER, reversed(LIP_INNER_LOWER));
            Box mouthBox = box(mouth, 1);
            Layer inside = new Layer(mouthBox, 0.8);
            Imgproc.fillPoly(inside.mat, List.of(inside.poly(mouth)), new Scalar(1));
            paint(inside, 0.8, new double[] {28, 26, 48}, 1);
            List<Point> tp = new ArrayList<>();
            for (int i = 1; i < LIP_INNER_UPPER.length - 1; i++) {
                tp.add(pt(LIP_INNER_UPPER[i]));
            }
            for (int i = LIP_INNER_UPPER.length - 2; i >= 1; i--) {
                int up = LIP_INNER_UPPER[i];
                int lo = LIP_INNER_LOWER[i];
                double t = 0.38 * (1 - Math.pow(Math.abs(i - 5) / 5.0, 2));
                tp.add(lerp(pt(up), pt(lo), t));
            }
            Layer teeth = new Layer(mouthBox, 1.2);
            Imgproc.fillPoly(teeth.mat, List.of(teeth.poly(tp)), new Scalar(1));
            Mat teethClip = teeth.filled(mouth);
            Core.multiply(teeth.mat, teethClip, teeth.mat);
            teethClip.release();
            paint(teeth, 1.2, new double[] {175, 190, 198}, 0.85);
            // Gaps between the front teeth.
            Layer gaps = new Layer(mouthBox, 0.8);
            for (int i = 2; i <= 8; i++) {
                Point a = pt(LIP_INNER_UPPER[i]);
                Imgproc.line(gaps.mat, gaps.at(a), gaps.at(new Point(a.x, a.y + 0.03 * K)), new Scalar(1), 2);
            }
            Mat gapsClip = gaps.filled(mouth);
            Core.multiply(gaps.mat, gapsClip, gaps.mat);
            gapsClip.release();
            tint(gaps, 0.8, new double[] {0.85, 0.85, 0.85});
            // The lips' parting line, so a closed mouth shows where the lips meet.
            List<Point> parting = points(LIP_INNER_UPPER);
            int thick = (int) (0.004 * K);
            Layer line = new Layer(box(parting, thick + 2), 1.5);
            Imgproc.polylines(line.mat, List.of(line.poly(parting)), false, new Scalar(1), thick);
            paint(line, 1.5, scale(lip, 0.4), 0.85);
        }
    }
}
