package jp.kenpo.kiosk.core.camera;

import jp.kenpo.kiosk.core.document.CardReason;

/**
 * One preview picture with what the analyzer saw in it. The camera thread fills these and hands
 * the newest to the screen; the objects and their pixel arrays are reused frame after frame.
 */
public final class PreviewFrame {

    private int width;
    private int height;
    /** Premultiplied BGRA, {@code width * height * 4} bytes. */
    private byte[] bgra = new byte[0];
    /** The card's corners clockwise from top-left as shares of the width and height; valid when found. */
    private final double[] corners = new double[8];
    private boolean found;
    private boolean accept;
    private CardReason reason;
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

    public void result(boolean found, boolean accept, CardReason reason, double steady, long sequence) {
        this.found = found;
        this.accept = accept;
        this.reason = reason;
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

    /** The first reason the card is not good enough yet; {@code null} when it is. */
    public CardReason reason() {
        return reason;
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
