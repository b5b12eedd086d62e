package jp.kenpo.kiosk.capture.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.capture.OpenCv;

/**
 * The decoder on generated camera frames of every kind (QrFixtures), against the plain ZXing
 * integration in the same run: it reads every code plain ZXing reads and more, and never a text
 * that is not there — no text on frames without a QR code (text, other barcodes), and never
 * another text than the code's.
 */
class QrDecoderAccuracyTest {

    @Test
    void readsAtLeastWhatPlainZxingReadsAndNothingFalse() {
        OpenCv.load();
        List<QrFixtures.Frame> frames = QrFixtures.generate(17, 6);
        PlainZxing plain = new PlainZxing();
        Map<QrFixtures.Kind, int[]> byKind = new EnumMap<>(QrFixtures.Kind.class);
        Map<QrAttempt, Integer> readBy = new EnumMap<>(QrAttempt.class);
        List<String> falseReads = new ArrayList<>();
        List<String> plainOnly = new ArrayList<>();
        int codes = 0;
        int ours = 0;
        int theirs = 0;
        try (QrDecoder decoder = new QrDecoder()) {
            for (QrFixtures.Frame f : frames) {
                String p = plain.qr(f.image());
                QrResult o = decoder.decodeAll(f.image());
                int[] c = byKind.computeIfAbsent(f.kind(), k -> new int[3]);
                c[0]++;
                if (o.found() && !o.text().equals(f.expected())) {
                    falseReads.add(f.name() + " read as " + o.text());
                }
                if (p != null && !p.equals(f.expected())) {
                    falseReads.add(f.name() + " read by plain ZXing as " + p);
                }
                if (f.expected() == null) {
                    continue;
                }
                codes++;
                if (f.expected().equals(p)) {
                    theirs++;
                    c[1]++;
                    if (!o.found()) {
                        plainOnly.add(f.name());
                    }
                }
                if (o.found() && o.text().equals(f.expected())) {
                    ours++;
                    c[2]++;
                    readBy.merge(o.by(), 1, Integer::sum);
                }
                f.image().release();
            }
        }
        System.out.printf("qr accuracy: %d frames with a code, %d without; read by plain ZXing %d (%.0f %%), by the"
                        + " decoder %d (%.0f %%); false reads %d%n", codes, frames.size() - codes, theirs,
                100.0 * theirs / codes, ours, 100.0 * ours / codes, falseReads.size());
        byKind.forEach((k, c) -> System.out.printf("  %-18s %2d frames: plain %2d, decoder %2d%n",
                k.name().toLowerCase(java.util.Locale.ROOT), c[0], c[1], c[2]));
        System.out.println("  read by look: " + readBy);

        assertThat(falseReads).as("texts read that are not there").isEmpty();
        assertThat(plainOnly).as("codes plain ZXing read and the decoder did not").isEmpty();
        assertThat(ours).isGreaterThan(theirs);
        assertThat(ours).as("share of the codes read").isGreaterThanOrEqualTo(codes * 6 / 10);
        assertThat(byKind.get(QrFixtures.Kind.PHONE_DARK_MODE)[2]).as("dark mode: the inverted look").isPositive();
    }
}
