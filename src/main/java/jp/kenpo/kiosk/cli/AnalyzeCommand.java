package jp.kenpo.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.capture.CardAnalysis;
import jp.kenpo.kiosk.capture.CardAnalyzer;
import jp.kenpo.kiosk.capture.OpenCv;
import jp.kenpo.kiosk.core.document.CardReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code analyze card IMAGE…}: what the analyzers see in still images, for tuning a site's lighting.
 * One JSON object per image, one line each; exit 0 whether or not a frame would be accepted.
 */
@Command(name = "analyze", description = "Show what the analyzers see in images (JSON, one line per image).",
        subcommands = AnalyzeCommand.Card.class)
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "card", description = "Find an ID card and judge sharpness, glare, exposure, fill, tilt.")
    static final class Card implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG or JPEG files")
        List<Path> images;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            OpenCv.load();
            ObjectMapper json = new ObjectMapper();
            int unreadable = 0;
            try (CardAnalyzer analyzer = new CardAnalyzer()) {
                for (Path image : images) {
                    Mat frame = Files.isReadable(image) ? Imgcodecs.imread(image.toString()) : new Mat();
                    if (frame.empty()) {
                        err.println(image + ": not a readable PNG or JPEG image");
                        unreadable++;
                        continue;
                    }
                    CardAnalysis a = analyzer.analyze(frame);
                    frame.release();
                    out.println(json.writeValueAsString(toJson(a)));
                }
            }
            out.flush();
            return unreadable == 0 ? 0 : 1;
        }

        static Map<String, Object> toJson(CardAnalysis a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("found", a.found());
            m.put("corners", a.corners());
            m.put("sharpness", a.sharpness());
            m.put("glare", a.glare());
            m.put("exposure", a.exposure());
            m.put("fill", a.fill());
            m.put("tilt", a.tilt());
            m.put("accept", a.accept());
            m.put("reasons", a.reasons().stream().map(CardReason::code).toList());
            m.put("ms", a.ms());
            return m;
        }
    }
}
