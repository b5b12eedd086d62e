package jp.kenpo.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.opencv.core.Mat;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.capture.OpenCv;
import jp.kenpo.kiosk.capture.StillImage;
import jp.kenpo.kiosk.capture.card.CardAnalysis;
import jp.kenpo.kiosk.capture.card.CardAnalyzer;
import jp.kenpo.kiosk.capture.face.FaceAnalysis;
import jp.kenpo.kiosk.capture.face.FaceAnalyzer;
import jp.kenpo.kiosk.core.face.FaceReason;
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
        subcommands = {AnalyzeCommand.Card.class, AnalyzeCommand.Face.class})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * Runs {@code analysis} on each image and prints its JSON on a line (with the file's name when
     * there are several); an image that cannot be read, or is too large to decode safely, gets one
     * line on standard error and the others still run. 1 if any image was refused.
     */
    static int each(CommandSpec spec, List<Path> images, java.util.function.Function<Mat, Map<String, Object>> analysis)
            throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper json = new ObjectMapper();
        int refused = 0;
        for (Path image : images) {
            StillImage.Result read = StillImage.read(image);
            if (!read.ok()) {
                err.println(image + ": " + read.problem());
                err.flush();
                refused++;
                continue;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            if (images.size() > 1) {
                result.put("file", image.toString());
            }
            result.putAll(analysis.apply(read.image()));
            read.image().release();
            out.println(json.writeValueAsString(result));
            out.flush();
        }
        return refused == 0 ? 0 : 1;
    }

    @Command(name = "face", description = "Find faces and judge the turn, the mouth, size, position and sharpness.")
    static final class Face implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG or JPEG files")
        List<Path> images;

        @Override
        public Integer call() throws Exception {
            OpenCv.load();
            try (FaceAnalyzer analyzer = new FaceAnalyzer()) {
                return each(spec, images, frame -> toJson(analyzer.analyze(frame)));
            }
        }

        static Map<String, Object> toJson(FaceAnalysis a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("faces", a.faces());
            m.put("box", a.box());
            m.put("yaw", a.yaw().name().toLowerCase(java.util.Locale.ROOT));
            m.put("yawScore", a.yawScore());
            m.put("mouth", a.mouth().name().toLowerCase(java.util.Locale.ROOT));
            m.put("mouthScore", a.mouthScore());
            m.put("eyes", a.eyes());
            m.put("sharpness", a.sharpness());
            m.put("accept", a.accept());
            m.put("reasons", a.reasons().stream().map(FaceReason::code).toList());
            m.put("ms", a.ms());
            return m;
        }
    }

    @Command(name = "card", description = "Find an ID card and judge sharpness, glare, exposure, fill, tilt.")
    static final class Card implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG or JPEG files")
        List<Path> images;

        @Override
        public Integer call() throws Exception {
            OpenCv.load();
            try (CardAnalyzer analyzer = new CardAnalyzer()) {
                return each(spec, images, frame -> toJson(analyzer.analyze(frame)));
            }
        }

        static Map<String, Object> toJson(CardAnalysis a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("found", a.found());
            m.put("corners", a.corners());
            m.put("sharpness", a.sharpness());
            m.put("blur", a.blur());
            m.put("glare", a.glare());
            m.put("exposure", a.exposure());
            m.put("fill", a.fill());
            m.put("tilt", a.tilt());
            m.put("roll", a.roll());
            m.put("accept", a.accept());
            m.put("reasons", a.reasons().stream().map(CardReason::code).toList());
            m.put("ms", a.ms());
            return m;
        }
    }
}
