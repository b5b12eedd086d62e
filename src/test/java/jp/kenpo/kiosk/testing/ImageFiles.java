package jp.kenpo.kiosk.testing;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Image files made for the commands that read them: ones that lie about what they hold. */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * A PNG signature and a valid IHDR chunk for an RGB picture of the given size, and nothing else:
     * a file that claims any size (60000 × 60000 pixels is 10.8 GB decoded) in 33 bytes.
     */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        b.putInt(13);
        int crcFrom = b.position();
        b.put(new byte[] {'I', 'H', 'D', 'R'});
        b.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(b.array(), crcFrom, 17);
        b.putInt((int) crc.getValue());
        return b.array();
    }
}
