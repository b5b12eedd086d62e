package jp.kenpo.kiosk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import jp.kenpo.kiosk.capture.OpenCv;
import jp.kenpo.kiosk.capture.qr.QrAttempt;
import jp.kenpo.kiosk.capture.qr.QrDecoder;
import jp.kenpo.kiosk.capture.qr.QrFixtures;
import jp.kenpo.kiosk.capture.qr.QrResult;

/**
 * QR decoding time per 1280×720 frame on the live camera (target: median ≤ 10 ms), on generated
 * frames of every kind — codes on slips and phones, and frames without one — and what each look
 * costs alone. Wall time and the camera thread's own CPU time are both printed (OpenCV's worker
 * threads are not in the latter), with the machine's load, since a loaded machine stretches wall
 * time. Run with {@code mvn -q test -Pbench -Dtest=QrDecoderBenchmark}.
 */
@Tag("bench")
class QrDecoderBenchmark {

    @Test
    void millisecondsPerFrame() {
        OpenCv.load();
        List<QrFixtures.Frame> fixtures = QrFixtures.generate(31, 6);
        List<Mat> frames = new ArrayList<>();
        List<Boolean> hasCode = new ArrayList<>();
        fixtures.forEach(f -> {
            frames.add(f.image());
            hasCode.add(f.expected() != null);
        });
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (QrDecoder decoder = new QrDecoder()) {
            for (int i = 0; i < 200; i++) { // warm-up
                decoder.decode(frames.get(i % frames.size()));
            }
            int n = 1200;
            double[] wall = new double[n];
            double[] cpu = new double[n];
            List<Double> withCode = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            int found = 0;
            for (int i = 0; i < n; i++) {
                Mat f = frames.get(i % frames.size());
                long c0 = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                QrResult r = decoder.decode(f);
                wall[i] = (System.nanoTime() - s) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                (hasCode.get(i % frames.size()) ? withCode : without).add(wall[i]);
                found += r.found() ? 1 : 0;
            }
            System.out.printf("qr bench (load average %.1f on %d cores): %d live decodes of %d different 1280x720 frames"
                            + " (%d with a code), %d read%n", ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors(), n, frames.size(),
                    hasCode.stream().filter(b -> b).count(), found);
            System.out.printf("  all frames:       wall median %.2f ms, p95 %.2f ms, max %.2f ms; thread CPU median %.2f ms,"
                    + " p95 %.2f ms%n", pct(wall, 50), pct(wall, 95), pct(wall, 100), pct(cpu, 50), pct(cpu, 95));
            System.out.printf("  with a code:      wall median %.2f ms, p95 %.2f ms%n", pct(withCode, 50), pct(withCode, 95));
            System.out.printf("  without a code:   wall median %.2f ms, p95 %.2f ms%n", pct(without, 50), pct(without, 95));
            for (QrAttempt a : QrAttempt.values()) {
                double[] ms = new double[frames.size() * 2];
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    decoder.decodeWith(frames.get(i % frames.size()), a);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                System.out.printf("  look %-17s alone: median %.2f ms, p95 %.2f ms%n", a.code(), pct(ms, 50), pct(ms, 95));
            }
        }
        frames.forEach(Mat::release);
    }

    static double pct(List<Double> values, int p) {
        return pct(values.stream().mapToDouble(Double::doubleValue).toArray(), p);
    }

    static double pct(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, v.length * p / 100)];
    }
}
