package jp.kenpo.kiosk.capture.qr;

/** One way the decoder looks at a frame; the first is always tried, the others when it fails, within the time budget. */
public enum QrAttempt {
    /** ZXing's QR reader, TRY_HARDER, on the grey frame with the local-threshold HybridBinarizer. */
    HYBRID("hybrid"),
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
