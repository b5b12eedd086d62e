package jp.kenpo.kiosk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.config.VoiceSettings;
import jp.kenpo.kiosk.core.port.SpeechEngine;

/**
 * With {@code voice.command} the kiosk speaks its Japanese prompts with the union's engine (Open
 * JTalk, say) instead of the clips made at build time: at start, on a thread of its own, it makes
 * {@code <dataDir>/voice/ja/<key>.wav} from the kana readings, each file moved into place whole, so
 * that {@link ClipPlayer} plays a made clip as soon as it is there and a built one until then.
 * Nothing is made again while the command and the readings are those of {@code clips.properties}.
 * The other languages keep the built clips.
 */
public final class VoiceSynthesis {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceSynthesis.class);
    static final String LANGUAGE = "ja";

    private VoiceSynthesis() {
    }

    /** Where the clips of {@code voice.command} are kept. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("voice");
    }

    /** Starts making the clips in the background when a command is configured. */
    static void start(VoiceSettings settings, Path dataDir) {
        if (settings.command() == null || !settings.enabled()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                long t0 = System.nanoTime();
                int made = make(new CommandSpeechEngine(settings.command()), settings.command(), folder(dataDir));
                if (made > 0) {
                    LOG.info("voice: {} clips made with voice.command in {} s", made, (System.nanoTime() - t0) / 1_000_000_000);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("voice: voice.command could not make the clips, the built ones are played: {}", e.getMessage());
            }
        }, "voice-clips");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Makes every clip with {@code engine} unless those in {@code folder} are of this command already; returns how many it made. */
    static int make(SpeechEngine engine, String command, Path folder) throws IOException {
        TreeMap<String, String> readings = new TreeMap<>();
        Properties p = readings();
        p.stringPropertyNames().forEach(k -> readings.put(k, p.getProperty(k)));
        String source = sha256(command + "\n" + readings);
        Path index = folder.resolve("clips.properties");
        Properties done = new Properties();
        if (Files.exists(index)) {
            try (Reader r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
                done.load(r);
            }
            if (source.equals(done.getProperty("source"))) {
                return 0;
            }
        }
        Path dir = folder.resolve(LANGUAGE);
        if (Files.exists(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.deleteIfExists(index);
        Files.createDirectories(dir);
        Path part = dir.resolve(".part.wav");
        for (var reading : readings.entrySet()) {
            Files.deleteIfExists(part);
            engine.speak(LANGUAGE, reading.getValue(), part);
            Files.move(part, dir.resolve(reading.getKey() + ".wav"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        Properties made = new Properties();
        made.setProperty("source", source);
        made.setProperty("count", String.valueOf(readings.size()));
        try (Writer w = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
            made.store(w, "voice clips made with voice.command");
        }
        return readings.size();
    }

    static Properties readings() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VoiceSynthesis.class.getResourceAsStream("/i18n/voice_ja.properties");
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
