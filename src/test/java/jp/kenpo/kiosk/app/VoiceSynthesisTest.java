package jp.kenpo.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.config.VoiceSettings;
import jp.kenpo.kiosk.core.port.SpeechEngine;

/** {@code voice.command}: another engine, configured and not coded, whose clips the player prefers. */
class VoiceSynthesisTest {

    @TempDir
    Path dir;

    @Test
    void theCommandGetsTheTextAsItIsAndWritesTheClip() throws IOException {
        Path out = dir.resolve("out.wav");
        // {textfile} holds the text: copied to {out}, it comes back byte for byte, no shell in between
        new CommandSpeechEngine("cp {textfile} {out}").speak("ja", "ほけんしゃばんごう; rm -rf $HOME", out);
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("ほけんしゃばんごう; rm -rf $HOME");

        assertThatThrownBy(() -> new CommandSpeechEngine("false {out}").speak("ja", "あ", dir.resolve("no.wav")))
                .isInstanceOf(IOException.class).hasMessageContaining("made no WAV");
        assertThatThrownBy(() -> new CommandSpeechEngine("no-such-engine-here {out}").speak("ja", "あ", dir.resolve("no.wav")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void everyReadingIsMadeOnceAndMadeAgainWhenTheCommandChanges() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        SpeechEngine engine = (voice, text, wav) -> {
            calls.incrementAndGet();
            Files.writeString(wav, voice + ":" + text);
        };
        Path folder = VoiceSynthesis.folder(dir);
        int readings = VoiceSynthesis.readings().size();

        assertThat(VoiceSynthesis.make(engine, "engine-a {out}", folder)).isEqualTo(readings);
        assertThat(Files.readString(folder.resolve("ja/insurer.lead.wav")))
                .isEqualTo("ja:" + VoiceSynthesis.readings().getProperty("insurer.lead"));
        assertThat(folder.resolve("ja/char-hyphen.wav")).exists();

        assertThat(VoiceSynthesis.make(engine, "engine-a {out}", folder)).as("the same command: nothing to do").isZero();
        assertThat(calls).hasValue(readings);
        assertThat(VoiceSynthesis.make(engine, "engine-b {out}", folder)).as("another command: all again").isEqualTo(readings);

        ClipPlayer player = new ClipPlayer(VoiceSettings.defaults(), folder);
        assertThat(player.url("ja", "insurer.lead").toString()).as("the engine's clip over the built one")
                .isEqualTo(folder.resolve("ja/insurer.lead.wav").toUri().toURL().toString());
        assertThat(player.available()).isTrue();
    }
}
