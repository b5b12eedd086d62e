package jp.kenpo.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every spoken message has a Japanese reading the build's engine can say (kana, no kanji), and —
 * when the build made clips — a clip in the packaged resources, as do the characters of a receipt
 * number. The spoken messages are the member's: titles, leads, errors, the cameras' reasons and
 * instructions, the QR code's refusals, the dialogs' questions and sentences, the resumed
 * registration's lines (the voice guide also speaks a few more, listed in the readings).
 */
class VoiceClipsTest {

    /** The member-facing keys that are always spoken when shown; staff's pages are not spoken. */
    static final Pattern SPOKEN = Pattern.compile(
            "(\\.title(\\..*)?$|\\.lead$|Lead$|\\.error\\.|\\.reason\\.|\\.refusal\\.|\\.claim\\.|^face\\.instruction\\.)"
            // the dialogs over a screen: 「操作を続けますか？」 with its countdown, 「登録を中止しますか？」, the language picker
            + "|^idle\\.(question|secondsLeft)$|^cancel\\.(question|explain)$|^lang\\.title$"
            // the resumed registration's greeting and what comes next; the mail screen's way on when mail fails
            + "|^resumed\\.(greeting|offline|next)|^otp\\.sendFailedExplain$");
    static final Pattern STAFF = Pattern.compile("^(staff|staffPanel)\\.");
    /** Kana, the long-vowel mark and the punctuation that makes pauses: what espeak-ng's Japanese voice reads. */
    static final Pattern KANA = Pattern.compile("[\\p{InHiragana}\\p{InKatakana}ー、。？！・ ]+");

    @Test
    void everySpokenMessageHasAReadingInKana() throws IOException {
        Properties messages = load("/i18n/messages.properties");
        Properties readings = load("/i18n/voice_ja.properties");
        Set<String> missing = new TreeSet<>();
        for (String key : messages.stringPropertyNames()) {
            if (SPOKEN.matcher(key).find() && !STAFF.matcher(key).find() && !readings.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("spoken messages without a reading in voice_ja.properties").isEmpty();
        Set<String> stale = new TreeSet<>(readings.stringPropertyNames());
        stale.removeAll(messages.stringPropertyNames());
        stale.removeIf(k -> k.startsWith("char-")); // a receipt number's characters
        assertThat(stale).as("readings of keys that messages.properties no longer has").isEmpty();
        for (String key : readings.stringPropertyNames()) {
            assertThat(readings.getProperty(key)).as("the reading of %s (kana only: the engine reads no kanji)", key)
                    .matches(KANA);
        }
    }

    @Test
    void everyReadingHasAClipWhenTheBuildMadeThem() throws IOException {
        Properties index = ClipPlayer.index();
        boolean built = "true".equals(index.getProperty("built"));
        if (!built && System.getenv("CI") == null) {
            Assumptions.abort("no voice clips in this build (" + index.getProperty("reason", "VoiceClips.java not run")
                    + "): install espeak-ng and build again to check them");
        }
        assertThat(built).as("voice clips built (CI installs espeak-ng): %s", index).isTrue();
        Properties readings = load("/i18n/voice_ja.properties");
        Properties english = load("/i18n/messages_en.properties");
        Set<String> missing = new TreeSet<>();
        for (String key : readings.stringPropertyNames()) {
            clip(missing, "ja", key);
            if (!english.getProperty(key, "").contains("{")) {
                clip(missing, "en", key);
            }
        }
        for (String lang : new String[] {"ja", "en"}) {
            for (char c = '0'; c <= '9'; c++) {
                clip(missing, lang, "char-" + c);
            }
            for (char c = 'A'; c <= 'Z'; c++) {
                clip(missing, lang, "char-" + c);
            }
            clip(missing, lang, "char-hyphen");
        }
        assertThat(missing).as("clips missing from the build").isEmpty();
    }

    private static void clip(Set<String> missing, String lang, String name) throws IOException {
        try (InputStream in = ClipPlayer.class.getResourceAsStream(ClipPlayer.ROOT + lang + "/" + name + ".wav")) {
            if (in == null) {
                missing.add(lang + "/" + name);
                return;
            }
            byte[] header = in.readNBytes(64);
            // a clip that says something: at least a tenth of a second of sound
            if (ClipPlayer.seconds(header) < 0.1) {
                missing.add(lang + "/" + name + " (empty)");
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(VoiceClipsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
