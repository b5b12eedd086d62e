package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import javafx.scene.control.ToggleButton;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import jp.kenpo.kiosk.core.port.VoicePlayer;

/**
 * The voice guidance as a member meets it, with a player that records what it is asked to say
 * (the sound itself is not tested): each screen's title and lead on arrival, each message as it
 * appears, the language followed, 「音声 オフ」 stopping it, and the next member hearing it again.
 */
class VoiceGuideUiTest extends KioskFxHarness {

    private final Recorder recorder = new Recorder(readings());

    @Override
    protected VoicePlayer voice() {
        return recorder;
    }

    @Test
    void eachScreenIsSpokenAndEachMessageAsItAppears() {
        assertThat(recorder.plays()).as("the welcome screen waits for a member before it speaks").isEmpty();

        clickOn("#start");
        assertScreen("screen-consent");
        assertThat(recorder.last()).isEqualTo("ja consent.title consent.lead");
        readAndAgree();
        clickOn("#next");
        assertScreen("screen-insurer");
        assertThat(recorder.last()).isEqualTo("ja insurer.title insurer.lead");

        keypad("0113");
        clickOn("#next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(recorder.last()).isEqualTo("ja insurer.error.length");
        keypad("0012");
        clickOn("#next");
        assertScreen("screen-points-consent");
        assertThat(recorder.last()).isEqualTo("ja consent.points.title consent.lead");

        language("en");
        assertThat(recorder.last()).as("the same screen, again in the language chosen")
                .isEqualTo("en consent.points.title consent.lead");

        assertThat(recorder.plays()).as("one play per screen shown, message that appeared or dialog opened, in order")
                .containsExactly("ja consent.title consent.lead", "ja insurer.title insurer.lead", "ja insurer.error.length",
                        "ja consent.points.title consent.lead", "ja lang.title", "en consent.points.title consent.lead");
        assertThat(recorder.withoutReading()).as("every key spoken on the way has a reading").isEmpty();

        clickOn("#cancel");
        assertThat(recorder.last()).as("the dialog's question, in the member's language").isEqualTo("en cancel.question cancel.explain");
        clickOn("#cancel-confirm");
        assertScreen("screen-welcome");
        assertThat(recorder.plays()).as("back to Japanese for the next member: the screen left is not spoken again")
                .hasSize(7);
    }

    @Test
    void eachDialogSaysItsQuestionWhenItOpensAndStopsWhenItCloses() {
        clickOn("#start");
        readAndAgree();
        clickOn("#next");
        assertScreen("screen-insurer");
        keypad("0113");

        clickOn("#cancel");
        assertThat(recorder.last()).isEqualTo("ja cancel.question cancel.explain");
        int plays = recorder.plays().size();
        fx(shell::next); // a mistake found on the screen below while the question is open
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(recorder.plays()).as("the screen below says nothing while the dialog asks").hasSize(plays);
        int events = recorder.events().size();
        clickOn("#cancel-keep");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(recorder.events().subList(events, recorder.events().size()))
                .as("closed: what it said stops, and the mistake found meanwhile is said (not the whole screen again)")
                .containsExactly("stop", "ja insurer.error.length");

        clock.advance(java.time.Duration.ofSeconds(90));
        fx(shell::tick);
        assertScreen("idle-dialog");
        assertThat(recorder.last()).as("the idle question and its sentence, without the seconds that change")
                .isEqualTo("ja idle.question idle.secondsLeft");
        plays = recorder.plays().size();
        clock.advance(java.time.Duration.ofSeconds(1));
        fx(shell::tick);
        assertThat(recorder.plays()).as("the countdown is not spoken again each second").hasSize(plays);
        clickOn("#idle-continue");
        assertThat(recorder.lastEvent()).isEqualTo("stop");

        clickOn("#lang");
        assertThat(recorder.last()).isEqualTo("ja lang.title");
        clickOn("#lang-close");
        assertThat(recorder.lastEvent()).isEqualTo("stop");
        assertThat(recorder.withoutReading()).as("every key spoken on the way has a reading").isEmpty();

        clickOn("#voice");
        plays = recorder.plays().size();
        clickOn("#cancel");
        assertScreen("cancel-dialog");
        clickOn("#cancel-keep");
        clock.advance(java.time.Duration.ofSeconds(90));
        fx(shell::tick);
        assertScreen("idle-dialog");
        assertThat(recorder.plays()).as("with voice off no dialog speaks").hasSize(plays);
    }

    @Test
    void aScreenThatComesBelowADialogIsSpokenOnceTheDialogCloses() {
        clickOn("#start");
        readAndAgree();
        clock.advance(java.time.Duration.ofSeconds(90));
        fx(shell::tick);
        assertThat(recorder.last()).isEqualTo("ja idle.question idle.secondsLeft");
        int plays = recorder.plays().size();
        fx(shell::next); // the screen goes on by itself below the question (as a camera screen does)
        assertScreen("screen-insurer");
        assertThat(recorder.plays()).as("the question is not cut short by the screen below").hasSize(plays);
        clickOn("#idle-continue");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(recorder.last()).as("answered: the screen the member now has is spoken")
                .isEqualTo("ja insurer.title insurer.lead");

        clock.advance(java.time.Duration.ofSeconds(90));
        fx(shell::tick);
        assertThat(recorder.last()).isEqualTo("ja idle.question idle.secondsLeft");
        plays = recorder.plays().size();
        fx(shell::back);
        assertScreen("screen-consent");
        clock.advance(java.time.Duration.ofSeconds(20));
        fx(shell::tick);
        assertScreen("screen-welcome");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(recorder.plays()).as("unanswered: the session ends, and the screen below is not spoken on the way out")
                .hasSize(plays);
    }

    @Test
    void theStaffCallScreenSaysStaffAreComingAndTheMemberScreenIsSpokenAgainOnTheWayBack() {
        clickOn("#start");
        clickOn("#call-staff");
        assertScreen("screen-staff-call");
        assertThat(recorder.last()).isEqualTo("ja staffCall.title staffCall.lead staffCall.explain");
        clickOn("#call-cancel");
        assertScreen("screen-consent");
        assertThat(recorder.last()).isEqualTo("ja consent.title consent.lead");
    }

    @Test
    void theErrorScreenSaysWhatCannotBeDoneAndToAskStaff() {
        clickOn("#start");
        fx(() -> shell.showError("error.unexpected"));
        assertScreen("screen-error");
        assertThat(recorder.last()).isEqualTo("ja error.title error.unexpected error.askStaff");
    }

    @Test
    void theResumedRegistrationReadsItsGreetingAndWhatComesNext() {
        resumeAt(jp.kenpo.kiosk.core.flow.Step.RESUMED, s -> { });
        assertScreen("screen-resumed");
        assertThat(recorder.last()).as("offline: no draft from the central service")
                .isEqualTo("ja resumed.title.offline resumed.offline resumed.next.membership");
        assertThat(recorder.withoutReading()).isEmpty();
    }

    @Test
    void theToggleStopsSpeechAndTheNextMemberHearsVoiceAgain() {
        clickOn("#start");
        ToggleButton toggle = lookup("#voice").queryAs(ToggleButton.class);
        assertThat(toggle.isSelected()).isTrue();
        assertThat(toggle.getText()).isEqualTo("音声 オン");
        int plays = recorder.plays().size();

        clickOn("#voice");
        assertThat(toggle.getText()).isEqualTo("音声 オフ");
        assertThat(recorder.events().get(recorder.events().size() - 1)).as("turning voice off stops it at once")
                .isEqualTo("stop");
        readAndAgree();
        clickOn("#next");
        assertScreen("screen-insurer");
        clickOn("#next");
        assertThat(recorder.plays()).as("nothing is said while voice is off").hasSize(plays);

        clickOn("#voice");
        assertThat(recorder.last()).as("turned on again: the screen shown is spoken")
                .isEqualTo("ja insurer.title insurer.lead");
        clickOn("#voice");

        clickOn("#cancel");
        clickOn("#cancel-confirm");
        assertScreen("screen-welcome");
        assertThat(lookup("#voice").queryAs(ToggleButton.class).isSelected())
                .as("the next member starts with the kiosk's setting").isTrue();
        clickOn("#start");
        assertThat(recorder.last()).isEqualTo("ja consent.title consent.lead");
    }

    @Test
    void theOutcomeScreenReadsTheReceiptNumberCharacterByCharacter() {
        resumeAt(jp.kenpo.kiosk.core.flow.Step.DONE,
                s -> s.submitted("K07-0042", jp.kenpo.kiosk.core.session.RegistrationOutcome.REFUSED));
        assertScreen("screen-done");
        assertThat(recorder.last()).isEqualTo("ja done.refused done.refusedLead done.receipt"
                + " char-K char-0 char-7 char-hyphen char-0 char-0 char-4 char-2");
    }

    static Properties readings() {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(VoiceGuideUiTest.class.getResourceAsStream("/i18n/voice_ja.properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    /** A player with a clip for every key that has a reading, which writes down what it is asked. */
    static final class Recorder implements VoicePlayer {

        private final Properties readings;
        private final List<String> events = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> asked = Collections.synchronizedSet(new TreeSet<>());

        Recorder(Properties readings) {
            this.readings = readings;
        }

        @Override
        public boolean has(String language, String name) {
            asked.add(name);
            return name.startsWith("char-") || readings.containsKey(name);
        }

        @Override
        public void play(String language, List<String> names) {
            if (!names.isEmpty()) {
                events.add(language + " " + String.join(" ", names));
            }
        }

        @Override
        public void queue(String language, List<String> names) {
            play(language, names);
        }

        @Override
        public void stop() {
            events.add("stop");
        }

        List<String> events() {
            return List.copyOf(events);
        }

        List<String> plays() {
            return events().stream().filter(e -> !e.equals("stop")).toList();
        }

        String last() {
            List<String> p = plays();
            return p.isEmpty() ? null : p.get(p.size() - 1);
        }

        String lastEvent() {
            List<String> e = events();
            return e.isEmpty() ? null : e.get(e.size() - 1);
        }

        /** Keys of member screens the guide wanted to speak that have no reading (so no clip). */
        Set<String> withoutReading() {
            Set<String> missing = new TreeSet<>(asked);
            missing.removeIf(k -> k.startsWith("char-") || readings.containsKey(k));
            return missing;
        }
    }
}
