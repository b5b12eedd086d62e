package jp.kenpo.kiosk.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.config.StaffSettings;
import jp.kenpo.kiosk.core.port.StaffAlert;
import jp.kenpo.kiosk.ui.common.SoundPlayer;

/**
 * The kiosk's call for staff: plays {@code staff.callSound} (a WAV, AIFF or MP3 file), or a short two-tone chime
 * the kiosk makes itself, at {@code staff.callVolume} through the kiosk's {@link SoundPlayer} (JavaFX
 * media); then runs {@code staff.callCommand} if one is configured, with the step's name as its last
 * argument, and waits at most {@link #COMMAND_TIME} for it. A missing sound device, an unreadable
 * file or a failing command is logged, never shown.
 */
public final class SiteStaffAlert implements StaffAlert {

    private static final Logger LOG = LoggerFactory.getLogger(SiteStaffAlert.class);
    /** How long the site command may run before the kiosk stops waiting for it (and ends it). */
    static final long COMMAND_TIME = 10;

    private final Path sound;
    private final double volume;
    private final List<String> command;
    private final SoundPlayer player;
    /** The kiosk's own chime as a file (AudioClip plays from a URI), written at the first call. */
    private URI chimeFile;
    private boolean chimeFailed;

    /**
     * @param sound  the configured sound file, resolved; null for the kiosk's own chime
     * @param player the kiosk's sound player
     */
    public SiteStaffAlert(StaffSettings staff, Path sound, SoundPlayer player) {
        this.sound = sound;
        this.volume = staff.callVolume();
        this.command = staff.callCommand();
        this.player = player;
    }

    @Override
    public void call(String step) {
        LOG.info("staff called at {}", step);
        play();
        run(step);
    }

    private void play() {
        if (volume <= 0) {
            return;
        }
        URI source = sound != null ? sound.toAbsolutePath().toUri() : chimeFile();
        if (source != null) {
            player.play(source, volume);
        }
    }

    /** The chime's file, written once (a temporary file, gone when the kiosk ends); null if it cannot be. */
    private synchronized URI chimeFile() {
        if (chimeFile == null && !chimeFailed) {
            try {
                Path file = Files.createTempFile("kiosk-chime", ".wav");
                file.toFile().deleteOnExit();
                Files.write(file, chime());
                chimeFile = file.toUri();
            } catch (IOException | RuntimeException e) {
                chimeFailed = true; // said once: the site command still calls staff
                LOG.warn("the chime could not be written: {}", e.toString());
            }
        }
        return chimeFile;
    }

    private void run(String step) {
        if (command.isEmpty()) {
            return;
        }
        List<String> argv = new ArrayList<>(command);
        argv.add(step);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(COMMAND_TIME, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                LOG.warn("the staff call command did not finish within {} s and was ended", COMMAND_TIME);
            } else if (p.exitValue() != 0) {
                LOG.warn("the staff call command exited with {}", p.exitValue());
            }
        } catch (IOException e) {
            LOG.warn("the staff call command could not be run: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A short two-tone chime (E6 then C6, 0.35 s each, softly faded), as a 16-bit mono WAV at
     * 22 050 Hz: made here, so the kiosk needs no audio file of anyone else's.
     */
    public static byte[] chime() {
        int rate = 22_050;
        double[] tones = {1318.51, 1046.50};
        int per = (int) (rate * 0.35);
        ByteBuffer pcm = ByteBuffer.allocate(tones.length * per * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (double f : tones) {
            for (int i = 0; i < per; i++) {
                double t = (double) i / rate;
                double envelope = Math.min(1, i / (rate * 0.01)) * Math.exp(-4.0 * t);
                double v = envelope * (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t)) / 1.3;
                pcm.putShort((short) Math.round(v * 0.6 * Short.MAX_VALUE));
            }
        }
        byte[] data = pcm.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + data.length);
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + data.length)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data.length);
        out.writeBytes(h.array());
        out.writeBytes(data);
        return out.toByteArray();
    }
}
