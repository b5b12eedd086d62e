import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Build step (run by Maven in generate-resources as a single-file Java program): speaks the kiosk's
 * fixed prompts into WAV clips with a speech engine, so that the kiosk plays them and needs no
 * engine itself (docs/architecture.md §13).
 *
 * <p>The spoken keys are those of {@code i18n/voice_ja.properties}, which gives each its Japanese
 * reading in kana. Other languages are spoken from {@code voice_<lang>.properties} if there is one,
 * else from the display text of {@code messages_<lang>.properties} (a text with a {@code {0}} to
 * fill in is left silent there). Besides the messages, one clip per character of a receipt number:
 * the digits, the letters and the hyphen ({@code char-0}, {@code char-A}, {@code char-hyphen}).
 *
 * <p>The engine is a command template: {@code {voice}} is the language's voice, {@code {out}} the
 * WAV to write, {@code {text}} the text as one argument, {@code {textfile}} a UTF-8 file holding it
 * (for engines that read a file, such as Open JTalk). The default is espeak-ng; another is given in
 * the environment variable {@code KIOSK_VOICE_COMMAND}. Clips are converted to 16 kHz, 16-bit mono
 * with the silence at both ends cut. When the engine is missing the build makes no clips, says so
 * and goes on: the kiosk then runs silently. Nothing is made again while the texts and the command
 * are unchanged.
 *
 * <p>Usage: {@code java src/build/VoiceClips.java OUTPUT_DIR [RESOURCES_DIR [LANGUAGES]]}, LANGUAGES
 * comma-separated tags (default {@value #DEFAULT_LANGUAGES}).
 */
public final class VoiceClips {

    static final String DEFAULT_COMMAND = "espeak-ng -v {voice} -s 150 -w {out} {text}";
    static final String DEFAULT_LANGUAGES = "ja,en";
    static final String RESOURCE_DIR = "jp/kenpo/kiosk/voice";
    static final float RATE = 16_000f;
    static final Map<String, String> HYPHEN = Map.of("en", "dash", "zh-CN", "横杠", "ko", "하이픈", "vi", "gạch ngang",
            "pt-BR", "hífen");
    static final Map<String, String> VOICES = Map.of("ja", "ja", "en", "en-us", "zh-CN", "cmn", "ko", "ko",
            "vi", "vi", "pt-BR", "pt-br");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).resolve(RESOURCE_DIR);
        Path resources = Path.of(args.length > 1 ? args[1] : "src/main/resources");
        String[] languages = (args.length > 2 ? args[2] : DEFAULT_LANGUAGES).split(",");
        String env = System.getenv("KIOSK_VOICE_COMMAND");
        String command = env == null || env.isBlank() ? DEFAULT_COMMAND : env.strip();
        long started = System.nanoTime();

        Properties readings = load(resources.resolve("i18n/voice_ja.properties"));
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        for (String lang : languages) {
            texts.put(lang, texts(resources, lang, readings));
        }
        String hash = sha256(command + "\n" + texts);
        Path index = out.resolve("clips.properties");
        Properties done = Files.exists(index) ? load(index) : new Properties();
        if (hash.equals(done.getProperty("source")) && "true".equals(done.getProperty("built"))) {
            return;
        }

        deleteTree(out);
        Files.createDirectories(out);
        Properties result = new Properties();
        result.setProperty("source", hash);
        result.setProperty("command", command);
        int count = 0;
        long bytes = 0;
        Path work = Files.createTempDirectory("voice-clips");
        try {
            for (var lang : texts.entrySet()) {
                Path dir = Files.createDirectories(out.resolve(lang.getKey()));
                for (var clip : lang.getValue().entrySet()) {
                    byte[] wav = speak(command, VOICES.getOrDefault(lang.getKey(), lang.getKey()), clip.getValue(), work);
                    if (wav == null) {
                        deleteTree(out);
                        Files.createDirectories(out);
                        result.setProperty("built", "false");
                        result.setProperty("reason", "no speech engine: " + command.split(" ")[0]);
                        store(result, index);
                        System.out.println("[voice clips] none made: the speech engine '" + command.split(" ")[0]
                                + "' is not installed (Debian: apt-get install espeak-ng). The kiosk will run without voice.");
                        return;
                    }
                    Files.write(dir.resolve(clip.getKey() + ".wav"), wav);
                    count++;
                    bytes += wav.length;
                }
                result.setProperty("count." + lang.getKey(), String.valueOf(lang.getValue().size()));
            }
        } finally {
            deleteTree(work);
        }
        result.setProperty("built", "true");
        result.setProperty("languages", String.join(",", languages));
        result.setProperty("count", String.valueOf(count));
        result.setProperty("bytes", String.valueOf(bytes));
        store(result, index);
        System.out.printf("[voice clips] %d clips (%s) with %s, %.1f MB, in %.1f s%n", count, String.join(", ", languages),
                command.split(" ")[0], bytes / 1e6, (System.nanoTime() - started) / 1e9);
    }

    /** What each clip of {@code lang} says: the spoken keys, then the characters of a receipt number. */
    static Map<String, String> texts(Path resources, String lang, Properties readings) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        boolean ja = lang.equals("ja");
        String suffix = ja ? "" : "_" + lang.replace('-', '_');
        Path own = resources.resolve("i18n/voice" + suffix + ".properties");
        Properties voice = ja ? readings : Files.exists(own) ? load(own) : new Properties();
        Properties display = load(resources.resolve("i18n/messages" + suffix + ".properties"));
        for (String key : readings.stringPropertyNames()) {
            if (key.startsWith("char-")) {
                continue;
            }
            String text = voice.getProperty(key);
            if (text == null) {
                text = display.getProperty(key);
                if (text == null || text.contains("{")) {
                    continue;
                }
            }
            texts.put(key, ja ? text : withoutJapanese(lang, text));
        }
        for (int i = 0; i < 10; i++) {
            texts.put("char-" + i, ja ? readings.getProperty("char-" + i) : String.valueOf(i));
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            texts.put("char-" + c, ja ? readings.getProperty("char-" + c) : String.valueOf(c));
        }
        texts.put("char-hyphen", ja ? readings.getProperty("char-hyphen")
                : voice.getProperty("char-hyphen", HYPHEN.getOrDefault(lang, "-")));
        return texts;
    }

    /**
     * A display text as a foreign voice can say it: the Japanese a text quotes for the member to find
     * on the card ("insurer number (保険者番号)") is shown, not spoken — Chinese and Korean voices keep it.
     */
    static String withoutJapanese(String lang, String text) {
        String spoken = text.replace('・', ',').replace('〜', '-');
        if (lang.equals("zh-CN") || lang.equals("ko")) {
            return spoken;
        }
        String japanese = "\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}";
        return spoken.replaceAll("\\s*[(（][^)）]*[" + japanese + "][^)）]*[)）]", "")
                .replaceAll("[" + japanese + "]+", "").replaceAll("  +", " ").strip();
    }

    /** The clip of one text, 16 kHz mono with the silence at both ends cut; null when the engine is missing. */
    static byte[] speak(String template, String voice, String text, Path work) throws Exception {
        Path wav = work.resolve("clip.wav");
        Path textFile = work.resolve("clip.txt");
        Files.writeString(textFile, text, StandardCharsets.UTF_8);
        Files.deleteIfExists(wav);
        List<String> cmd = new ArrayList<>();
        for (String part : template.trim().split("\\s+")) {
            cmd.add(switch (part) {
                case "{voice}" -> voice;
                case "{out}" -> wav.toString();
                case "{text}" -> text;
                case "{textfile}" -> textFile.toString();
                default -> part;
            });
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(wav)) {
            throw new IllegalStateException("the speech engine failed on \"" + text + "\": " + output.strip());
        }
        return normalize(Files.readAllBytes(wav));
    }

    /** 16 kHz, 16-bit, mono, little-endian PCM, trimmed to 40 ms before the first and after the last sound. */
    static byte[] normalize(byte[] wav) throws Exception {
        AudioFormat target = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav));
             AudioInputStream pcm = AudioSystem.getAudioInputStream(
                     new AudioFormat(in.getFormat().getSampleRate(), 16, 1, true, false), in);
             AudioInputStream resampled = AudioSystem.getAudioInputStream(target, pcm)) {
            byte[] samples = resampled.readAllBytes();
            int first = samples.length / 2;
            int last = -1;
            for (int i = 0; i < samples.length / 2; i++) {
                int v = (short) ((samples[2 * i] & 0xff) | (samples[2 * i + 1] << 8));
                if (Math.abs(v) > 300) { // about -40 dBFS
                    first = Math.min(first, i);
                    last = i;
                }
            }
            int margin = (int) (RATE * 0.04);
            int from = Math.max(0, first - margin);
            int to = Math.min(samples.length / 2, last + margin + 1);
            if (to <= from) {
                from = 0;
                to = samples.length / 2;
            }
            byte[] cut = java.util.Arrays.copyOfRange(samples, 2 * from, 2 * to);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(cut), target, cut.length / 2),
                    javax.sound.sampled.AudioFileFormat.Type.WAVE, buffer);
            return buffer.toByteArray();
        }
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static void store(Properties p, Path file) throws IOException {
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "voice clips made by src/build/VoiceClips.java");
        }
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
