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
import jp.kenpo.kiosk.capture.qr.QrDecoder;
import jp.kenpo.kiosk.capture.qr.QrResult;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.UnionConfig;
import jp.kenpo.kiosk.core.resume.ResumeCheck;
import jp.kenpo.kiosk.core.resume.ResumeKeys;
import jp.kenpo.kiosk.core.resume.ResumeToken;
import jp.kenpo.kiosk.core.resume.ResumeTokenVerifier;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteUsedResumeIds;
import jp.kenpo.kiosk.core.face.FaceReason;
import jp.kenpo.kiosk.core.document.CardReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code analyze card IMAGE…}: what the analyzers see in still images, for tuning a site's lighting.
 * One JSON object per image, one line each; exit 0 whether or not a frame would be accepted.
 * {@code analyze qr IMAGE…} reads QR codes and checks resume tokens as this kiosk would.
 */
@Command(name = "analyze", description = "Show what the analyzers see in images (JSON, one line per image).",
        subcommands = {AnalyzeCommand.Card.class, AnalyzeCommand.Face.class, AnalyzeCommand.Qr.class})
public final class AnalyzeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

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
        return each(spec, images, images.size() > 1, analysis);
    }

    /** The same, naming the file on every line when {@code named}. */
    static int each(CommandSpec spec, List<Path> images, boolean named,
                    java.util.function.Function<Mat, Map<String, Object>> analysis) throws java.io.IOException {
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
            if (named) {
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

    /**
     * {@code analyze qr IMAGE…}: the QR code the decoder reads in each image, every look tried
     * ({@link QrDecoder#decodeAll}), and for a resume token ({@code KR1.}…) the verdict this kiosk
     * would give it — the configuration's keys and unions, its record of used resume ids, now
     * (docs/central-service.md §13). A refused token's payload is shown as it states it.
     */
    @Command(name = "qr", description = {"Read the QR code in each image; check a resume token (KR1.) against the"
            + " configuration's keys and unions and this kiosk's used codes."})
    static final class Qr implements Callable<Integer> {

        @ParentCommand
        AnalyzeCommand analyze;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG or JPEG files")
        List<Path> images;

        java.time.Clock clock = java.time.Clock.systemUTC();

        @Override
        public Integer call() throws Exception {
            KioskConfig config = analyze.main.loadConfig(spec.commandLine().getErr());
            if (config == null) {
                return Main.EXIT_CONFIG;
            }
            ResumeTokenVerifier verifier = new ResumeTokenVerifier(ResumeKeys.trusted(config),
                    config.unions().stream().map(UnionConfig::insurerNumber).collect(java.util.stream.Collectors.toSet()),
                    new SqliteUsedResumeIds(Database.open(config.dataDir())), clock);
            OpenCv.load();
            try (QrDecoder decoder = new QrDecoder()) {
                return each(spec, images, true, frame -> toJson(decoder.decodeAll(frame), verifier));
            }
        }

        static Map<String, Object> toJson(QrResult r, ResumeTokenVerifier verifier) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("found", r.found());
            m.put("text", r.text());
            m.put("ms", jp.kenpo.kiosk.capture.Measures.round(r.ms(), 2));
            if (ResumeTokenVerifier.looksLikeToken(r.text())) {
                ResumeCheck check = verifier.check(r.text());
                ResumeToken t = check.stated();
                Map<String, Object> token = new LinkedHashMap<>();
                token.put("valid", check.valid());
                token.put("reason", check.valid() ? null : check.refusal().code());
                token.put("rid", t == null ? null : t.rid());
                token.put("step", t == null ? null : t.step().wire());
                token.put("kid", t == null ? null : t.kid());
                token.put("exp", t == null ? null : t.expires().toString());
                m.put("token", token);
            }
            return m;
        }
    }
}
