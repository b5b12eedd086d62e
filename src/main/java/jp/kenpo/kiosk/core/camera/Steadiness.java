package jp.kenpo.kiosk.core.camera;

/**
 * Counts how many frames in a row the card has been acceptable and held still, for auto-capture.
 * A frame counts when it is accepted and no corner moved more than {@code maxMove} (a share of the
 * frame's width) since the frame before.
 */
public final class Steadiness {

    private final int framesNeeded;
    private final double maxMove;
    private final double[] last = new double[8];
    private boolean haveLast;
    private int count;

    public Steadiness(int framesNeeded, double maxMove) {
        if (framesNeeded < 1) {
            throw new IllegalArgumentException("at least one frame");
        }
        this.framesNeeded = framesNeeded;
        this.maxMove = maxMove;
    }

    /**
     * Takes one frame's verdict; {@code corners} are the eight shares of width and height (x,y
     * clockwise from top-left). Returns whether the card has now been steady long enough.
     */
    public boolean offer(boolean accepted, double[] corners, double aspect) {
        if (!accepted || corners == null) {
            reset();
            return false;
        }
        boolean still = true;
        if (haveLast) {
            for (int i = 0; i < 8; i += 2) {
                double dx = corners[i] - last[i];
                double dy = (corners[i + 1] - last[i + 1]) / aspect;
                if (Math.hypot(dx, dy) > maxMove) {
                    still = false;
                    break;
                }
            }
        }
        System.arraycopy(corners, 0, last, 0, 8);
        haveLast = true;
        count = still ? count + 1 : 1;
        return count >= framesNeeded;
    }

    /** 0–1: how much of the steady run has been seen. */
    public double progress() {
        return Math.min(1.0, (double) count / framesNeeded);
    }

    public void reset() {
        count = 0;
        haveLast = false;
    }
}
