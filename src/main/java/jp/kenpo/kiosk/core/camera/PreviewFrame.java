package jp.kenpo.kiosk.core.camera;

/**
 * One preview picture with what the analyzer saw in it (a card, or a face). The camera thread fills these and hands
 * the newest to the screen; the objects and their pixel arrays are reused frame after frame.
 */
public final class PreviewFrame {

    private int width;
    private int height;
    /** Premultiplied BGRA, {@code width * height * 4} bytes. */
    private byte[] bgra = new byte[0];
    /** The card's corners (or the face's box) clockwise from top-left as shares of the width and height; valid when found. */
    private final double[] corners = new double[8];
    private boolean found;
    private boolean accept;
    /** The message key of the first reason the picture is not good enough yet; {@code null} when it is. */
    private String reasonKey;
    private double steady;
    private long sequence;

    /** Makes room for a picture of this size; reallocates only when the size changes. */
    public byte[] pixels(int w, int h) {
        if (w != width || h != height || bgra.length != w * h * 4) {
            width = w;
            height = h;
            bgra = new byte[w * h * 4];
        }
        return bgra;
    }

    public void result(boolean found, boolean accept, String reasonKey, double steady, long sequence) {
        this.found = found;
        this.accept = accept;
        this.reasonKey = reasonKey;
        this.steady = steady;
        this.sequence = sequence;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public byte[] bgra() {
        return bgra;
    }

    public double[] corners() {
        return corners;
    }

    public boolean found() {
        return found;
    }

    public boolean accept() {
        return accept;
    }

    /** The message key of the first reason the picture is not good enough yet; {@code null} when it is. */
    public String reasonKey() {
        return reasonKey;
    }

    /** How far along the steadiness count is, 0–1; 1 means captured. */
    public double steady() {
        return steady;
    }

    /** Increases by one per analyzed frame. */
    public long sequence() {
        return sequence;
    }
}
