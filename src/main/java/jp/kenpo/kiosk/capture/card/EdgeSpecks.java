package jp.kenpo.kiosk.capture.card;

/**
 * Clears an edge picture of what can only give outlines too small to be used: pieces of edge
 * (8-connected, as outlines are traced) and holes enclosed by edge (4-connected) whose bounding
 * box is smaller than an outline is taken at, both in area and in its longer side. A textured
 * desk or cloth leaves hundreds of such specks and pores in a frame's edges; each outline traced
 * is handed from OpenCV to Java on its own (two native objects and several calls each), and
 * reading them only to drop them cost about as much as the edge search itself.
 *
 * <p>What is left gives the same outlines of any size taken: a piece's outlines lie within its
 * box, and a hole's within its box and the edge pixels around it; a filled pore lies inside the
 * piece around it, so that piece's convex hull, box and area are as they were (its traced outline
 * may step into a pore that met the outside only at a pixel's corner).
 */
final class EdgeSpecks {

    // Runs of one kind of pixel along the rows: each run's row, first and last column, and set.
    private int[] runRow = new int[0];
    private int[] runFrom = new int[0];
    private int[] runTo = new int[0];
    private int[] parent = new int[0];
    private int[] minX = new int[0];
    private int[] maxX = new int[0];
    private int[] minY = new int[0];
    private int[] maxY = new int[0];
    private byte[] pixels = new byte[0];

    /**
     * Clears {@code edges} (8-bit, 0 or not) of pieces and holes whose box is below
     * {@code minArea} square pixels and shorter than {@code minSide} on its longer side.
     */
    void clear(org.opencv.core.Mat edges, double minArea, double minSide) {
        int w = edges.cols();
        int h = edges.rows();
        int n = w * h;
        if (pixels.length < n) {
            pixels = new byte[n];
        }
        byte[] p = pixels;
        edges.get(0, 0, p);
        // Pieces first: a speck standing in a pore is cleared before the pore is looked at, so
        // that filling the pore leaves nothing in it.
        if (pass(p, w, h, true, minArea, minSide) + pass(p, w, h, false, minArea, minSide) > 0) {
            edges.put(0, 0, p);
        }
    }

    /**
     * One labelling of the edge pixels ({@code edge}, 8-connected) or of the others (4-connected),
     * run by run, clearing the small ones: edge pieces set to 0, holes not reaching within two
     * pixels of the picture's border set to 255. Returns how many runs changed.
     */
    private int pass(byte[] p, int w, int h, boolean edge, double minArea, double minSide) {
        int reach = edge ? 1 : 0; // runs on neighbouring rows touch diagonally, or only side by side
        int count = 0;
        int prevFrom = 0; // the previous row's runs
        int prevTo = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int rowFrom = count;
            int above = prevFrom; // the first run above that may touch this row's next run
            int x = 0;
            while (x < w) {
                x = edge ? nonZero(p, row, x, w) : zero(p, row, x, w);
                if (x == w) {
                    break;
                }
                int from = x;
                x = edge ? zero(p, row, x, w) : nonZero(p, row, x, w);
                if (count == runRow.length) {
                    grow();
                }
                runRow[count] = y;
                runFrom[count] = from;
                runTo[count] = x - 1;
                parent[count] = count;
                // join every run of the row above that touches this one
                while (above < prevTo && runTo[above] < from - reach) {
                    above++;
                }
                for (int k = above; k < prevTo; k++) {
                    if (runFrom[k] > x - 1 + reach) {
                        break;
                    }
                    if (runTo[k] >= from - reach) {
                        join(count, k);
                    }
                }
                count++;
            }
            prevFrom = rowFrom;
            prevTo = count;
        }
        // every root is its set's first run: boxes grow from it in the same order
        for (int i = 0; i < count; i++) {
            int r = root(i);
            parent[i] = r;
            if (r == i) {
                minX[i] = runFrom[i];
                maxX[i] = runTo[i];
                minY[i] = runRow[i];
                maxY[i] = runRow[i];
            } else {
                minX[r] = Math.min(minX[r], runFrom[i]);
                maxX[r] = Math.max(maxX[r], runTo[i]);
                maxY[r] = runRow[i];
            }
        }
        int changed = 0;
        // A hole's outline runs on the edge pixels around it: its box is one pixel wider each way.
        int grow = edge ? 0 : 2;
        for (int i = 0; i < count; i++) {
            int r = parent[i];
            int bw = maxX[r] - minX[r] + 1 + grow;
            int bh = maxY[r] - minY[r] + 1 + grow;
            if ((double) bw * bh >= minArea || Math.max(bw, bh) >= minSide) {
                continue;
            }
            if (edge || minX[r] >= 2 && minY[r] >= 2 && maxX[r] < w - 2 && maxY[r] < h - 2) {
                java.util.Arrays.fill(p, runRow[i] * w + runFrom[i], runRow[i] * w + runTo[i] + 1,
                        edge ? (byte) 0 : (byte) 255);
                changed++;
            }
        }
        return changed;
    }

    private static final java.lang.invoke.VarHandle WORD = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The first column from {@code x} on (or {@code w}) of the row starting at {@code row} whose pixel is not 0; eight at a time. */
    private static int nonZero(byte[] p, int row, int x, int w) {
        while (x + 8 <= w) {
            long word = (long) WORD.get(p, row + x);
            if (word != 0) {
                return x + (Long.numberOfTrailingZeros(word) >>> 3);
            }
            x += 8;
        }
        while (x < w && p[row + x] == 0) {
            x++;
        }
        return x;
    }

    /** The first column from {@code x} on (or {@code w}) of the row starting at {@code row} whose pixel is 0. */
    private static int zero(byte[] p, int row, int x, int w) {
        while (x < w && p[row + x] != 0) {
            x++;
        }
        return x;
    }

    private void grow() {
        int size = Math.max(1024, 2 * runRow.length);
        runRow = java.util.Arrays.copyOf(runRow, size);
        runFrom = java.util.Arrays.copyOf(runFrom, size);
        runTo = java.util.Arrays.copyOf(runTo, size);
        parent = java.util.Arrays.copyOf(parent, size);
        minX = java.util.Arrays.copyOf(minX, size);
        maxX = java.util.Arrays.copyOf(maxX, size);
        minY = java.util.Arrays.copyOf(minY, size);
        maxY = java.util.Arrays.copyOf(maxY, size);
    }

    /** Joins the sets of runs {@code a} and {@code b}, the lower index becoming the root. */
    private void join(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    private int root(int i) {
        int[] up = parent;
        while (up[i] != i) {
            up[i] = up[up[i]];
            i = up[i];
        }
        return i;
    }
}
