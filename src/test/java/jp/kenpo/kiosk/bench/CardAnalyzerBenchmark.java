package jp.kenpo.kiosk.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.capture.CardAnalyzer;
import jp.kenpo.kiosk.capture.CardFixtures;
import jp.kenpo.kiosk.capture.OpenCv;

/**
 * Card analysis time per 1280×720 frame (target ≤ 5 ms, SPEC §10) and the CPU it takes.
 * Run with {@code mvn -q test -Pbench}.
 */
@Tag("bench")
class CardAnalyzerBenchmark {

    @Test
    void millisecondsPerFrame() {
        OpenCv.load();
        List<CardFixtures.Frame> frames = CardFixtures.generate(7, 60);
        try (CardAnalyzer analyzer = new CardAnalyzer()) {
            for (int i = 0; i < 200; i++) { // warm-up
                analyzer.analyze(frames.get(i % frames.size()).image());
            }
            int n = 1500;
            long[] ns = new long[n];
            var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long cpu0 = bean.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                analyzer.analyze(frames.get(i % frames.size()).image());
                ns[i] = System.nanoTime() - s;
            }
            long wall = System.nanoTime() - wall0;
            long cpu = bean.getCurrentThreadCpuTime() - cpu0;
            Arrays.sort(ns);
            System.out.printf("card bench: %d frames 1280x720, median %.2f ms, p95 %.2f ms, max %.2f ms; "
                            + "at 15 fps the analysis uses %.0f %% of one core%n",
                    n, ns[n / 2] / 1e6, ns[n * 95 / 100] / 1e6, ns[n - 1] / 1e6,
                    100.0 * (cpu / (double) n) * 15 / 1e9);
            System.out.printf("card bench: thread CPU %.0f ms over %.0f ms wall%n", cpu / 1e6, wall / 1e6);
        }
        frames.forEach(f -> f.image().release());
    }
}
