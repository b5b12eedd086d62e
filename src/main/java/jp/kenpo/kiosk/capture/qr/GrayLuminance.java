package jp.kenpo.kiosk.capture.qr;

import com.google.zxing.LuminanceSource;

/**
 * A grey picture held in a byte array the decoder reuses frame after frame, as ZXing reads it. The
 * array is handed to ZXing as it is (no copy); ZXing only reads it.
 */
final class GrayLuminance extends LuminanceSource {

    private final byte[] luma;

    GrayLuminance(byte[] luma, int width, int height) {
        super(width, height);
        this.luma = luma;
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        int w = getWidth();
        if (row == null || row.length < w) {
            row = new byte[w];
        }
        System.arraycopy(luma, y * w, row, 0, w);
        return row;
    }

    @Override
    public byte[] getMatrix() {
        return luma;
    }
}
