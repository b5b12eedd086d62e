package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.RegistrationOutcome;

/**
 * Every step of the journey shows a screen of its own, with its {@code #screen-…} id — never the
 * stand-in that says the step is not available at this kiosk.
 */
class StepScreensUiTest extends KioskFxHarness {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Step.class, names = "WELCOME", mode = EnumSource.Mode.EXCLUDE)
    void everyStepShowsItsOwnScreen(Step step) {
        resumeAt(step, s -> {
            s.union(jp.kenpo.kiosk.core.member.InsurerNumber.parse("01130012").value(), true, true);
            s.document(DocumentType.DRIVERS_LICENSE);
            s.backHasEntries(true);
            s.faceImage("frontal_mouth_closed", new byte[] {1}); // the second angle follows a frontal photo
            s.closedMouth(0.02);
            s.submitted("K07-0001", RegistrationOutcome.QUEUED);
        });

        assertScreen(step.screenId());
        assertThat(present("#screen-error")).isFalse();
    }
}
