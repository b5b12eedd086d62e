package jp.kenpo.kiosk.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import jp.kenpo.kiosk.capture.face.FaceAnalyzer;
import jp.kenpo.kiosk.capture.face.FaceFixtures;

/**
 * Face analysis time per 640×480 frame (target ≤ 10 ms, docs/architecture.md §11): detection, the 468-point mesh,
 * turn, mouth and sharpness. Run with {@code mvn -q test -Pbench}.
 */
@Tag("bench")
class FaceAnalyzerBenchmark {

    @Test
    void millisecondsPerFrame() {
        FaceFixtures fixtures = new FaceFixtures();
        Random r = new Random(5);
        List<Mat> frames = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double yaw = i % 3 == 0 ? 0 : (i % 2 == 0 ? 1 : -1) * (15 + r.nextInt(20));
            frames.add(fixtures.pose(i % 2, yaw, i % 4 == 0, r).image());
        }
        frames.add(fixtures.twoFaces(r).image());
        try (FaceAnalyzer analyzer = new FaceAnalyzer()) {
            for (int i = 0; i < 100; i++) {
                analyzer.analyze(frames.get(i % frames.size()));
            }
            int n = 1000;
            long[] ns = new long[n];
            var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = bean.getCurrentThreadCpuTime();
            long process0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                analyzer.analyze(frames.get(i % frames.size()));
                ns[i] = System.nanoTime() - s;
            }
            double wall = (System.nanoTime() - wall0) / 1e6;
            double cpu = (bean.getCurrentThreadCpuTime() - cpu0) / 1e6;
            double process = (os.getProcessCpuTime() - process0) / 1e6;
            Arrays.sort(ns);
            System.out.printf("face bench: %d frames 640x480, median %.2f ms, p95 %.2f ms, max %.2f ms; "
                            + "at 15 fps: %.0f %% of one core (this thread), %.0f %% (whole process, OpenCV's threads too)%n",
                    n, ns[n / 2] / 1e6, ns[n * 95 / 100] / 1e6, ns[n - 1] / 1e6, 100 * cpu / n * 15 / 1000,
                    100 * process / n * 15 / 1000);
            System.out.printf("face bench: %.0f ms wall%n", wall);
        }
        frames.forEach(Mat::release);
    }
}
