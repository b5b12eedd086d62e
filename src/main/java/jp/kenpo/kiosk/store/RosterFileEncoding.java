package jp.kenpo.kiosk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which encoding a roster export is in, seen from its first bytes: UTF-8 or Shift_JIS as Windows writes it. */
public final class RosterFileEncoding {

    /** CP932, the Shift_JIS Windows and Japanese payroll systems write. */
    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final int SNIFF_BYTES = 64 * 1024;

    /**
     * UTF-8 when the file starts with its byte-order mark or its first 64 KB are valid UTF-8; else
     * CP932 when they are valid CP932; else UTF-8 (and reading it reports the problem). Japanese text
     * in CP932 is almost never valid UTF-8: its lead bytes 0x81–0x9F and 0xE0–0xFC are followed by
     * bytes that UTF-8 does not allow there.
     */
    public static Charset detect(Path csv) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(csv)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        boolean whole = head.length < SNIFF_BYTES;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(StandardCharsets.UTF_8, head, whole)) {
            return StandardCharsets.UTF_8;
        }
        return decodes(SHIFT_JIS, head, whole) ? SHIFT_JIS : StandardCharsets.UTF_8;
    }

    /** Whether the bytes are valid text in the charset; a character cut at the end counts when more follows. */
    private static boolean decodes(Charset charset, byte[] bytes, boolean whole) {
        CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(ByteBuffer.wrap(bytes), out, whole);
        if (r.isError()) {
            return false;
        }
        return !whole || !d.flush(out).isError();
    }

    private RosterFileEncoding() {
    }
}
