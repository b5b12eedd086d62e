package jp.kenpo.kiosk.capture.qr;

/** One way the decoder looks at a frame; the first is always tried, the others when it fails, within the time budget. */
public enum QrAttempt {
    /** ZXing's QR reader, TRY_HARDER, on the grey frame with the local-threshold HybridBinarizer. */
    HYBRID("hybrid"),
    /**
     * ZXing's multi-code reader on the same binarized frame: it tries every plausible three of the
     * finder-like squares it finds, not just the likeliest. A code whose own data happens to form a
     * square like a finder pattern (about one resume token in 200) misleads the first look into
     * a wrong three on every frame; this look reads it.
     */
    FINDER_TRIPLES("finder_triples"),
    /** The same with the GlobalHistogramBinarizer: one threshold for the frame, steadier on soft low-contrast codes. */
    GLOBAL_HISTOGRAM("global_histogram"),
    /** Dark and light swapped: a code shown light on dark (a phone in dark mode). */
    INVERTED("inverted"),
    /** Half size, averaged: a large code's moiré and noise fall below a module. */
    DOWNSCALED("downscaled"),
    /** The middle of the frame at 1.5 × size: modules of 2 px or less made wide enough for the finder patterns. */
    UPSCALED("upscaled"),
    /** Left and right swapped, for a camera that mirrors. */
    MIRRORED("mirrored"),
    /** OpenCV's QRCodeDetector: another detector and decoder. */
    OPENCV("opencv");

    private final String code;

    QrAttempt(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
