package jp.kenpo.kiosk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jp.kenpo.kiosk.core.port.SpeechEngine;
import jp.kenpo.kiosk.core.text.LogText;

/**
 * A speech engine run as a command ({@code voice.command}): the template is split at spaces into
 * a program and its arguments, and in them {@code {voice}} becomes the voice, {@code {out}} the WAV
 * to write, {@code {text}} the text (one argument), {@code {textfile}} a UTF-8 file holding it — no
 * shell is involved, so a text never becomes a command. The same template works in
 * {@code KIOSK_VOICE_COMMAND} for the build (src/build/VoiceClips.java).
 */
public final class CommandSpeechEngine implements SpeechEngine {

    private static final long TIMEOUT_SECONDS = 60;
    private final String template;

    public CommandSpeechEngine(String template) {
        this.template = template.strip();
    }

    @Override
    public void speak(String voice, String text, Path wav) throws IOException {
        Path textFile = Files.createTempFile("voice", ".txt");
        try {
            Files.writeString(textFile, text, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            for (String part : template.split("\\s+")) {
                command.add(switch (part) {
                    case "{voice}" -> voice;
                    case "{out}" -> wav.toString();
                    case "{text}" -> text;
                    case "{textfile}" -> textFile.toString();
                    default -> part;
                });
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ended = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            if (!ended || p.exitValue() != 0 || !Files.isRegularFile(wav)) {
                throw new IOException(command.get(0) + " made no WAV"
                        + (ended ? " (exit " + p.exitValue() + "): " + LogText.clean(output) : " within " + TIMEOUT_SECONDS + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(textFile);
        }
    }
}
