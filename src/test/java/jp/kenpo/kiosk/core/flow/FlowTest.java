package jp.kenpo.kiosk.core.flow;

import static jp.kenpo.kiosk.core.flow.Step.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kenpo.kiosk.core.document.DocumentType;

class FlowTest {

    private final Flow flow = new Flow();

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("new, union not known yet",
                        new JourneyFacts(EntryPoint.NEW, null, null, null, null),
                        List.of(WELCOME, CONSENT, INSURER, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT,
                                EMAIL_CODE)),
                Arguments.of("union without medical access",
                        new JourneyFacts(EntryPoint.NEW, false, null, null, null),
                        List.of(WELCOME, CONSENT, INSURER, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT,
                                EMAIL_CODE, CONFIRM, DONE)),
                Arguments.of("union with points terms: agreed to right after the insurer number",
                        new JourneyFacts(EntryPoint.NEW, false, null, null, null, true),
                        List.of(WELCOME, CONSENT, INSURER, POINTS_CONSENT, CARD, BASIC_INFO, BASIC_CONFIRM,
                                ELIGIBILITY, ACCOUNT, EMAIL_CODE, CONFIRM, DONE)),
                Arguments.of("resumed with points: the app asked for the points terms",
                        new JourneyFacts(EntryPoint.RESUMED_ACCOUNT_CREATED, false, null, null, null, true),
                        List.of(WELCOME, RESUME_SCAN, RESUMED, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, CONFIRM,
                                DONE)),
                Arguments.of("scanning the app's code: where it resumes is not known yet",
                        new JourneyFacts(EntryPoint.RESUMING, null, null, null, null),
                        List.of(WELCOME, RESUME_SCAN)),
                Arguments.of("resumed online, membership entered in the app: straight to the offer",
                        new JourneyFacts(EntryPoint.RESUMED_ACCOUNT_CREATED, true, null, null, null, false, true),
                        List.of(WELCOME, RESUME_SCAN, RESUMED, MEDICAL_OFFER)),
                Arguments.of("resumed with membership verified, offline: card, name and birthdate asked again",
                        new JourneyFacts(EntryPoint.RESUMED_IDENTITY_VERIFIED, true, null, null, null, false, false),
                        List.of(WELCOME, RESUME_SCAN, RESUMED, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY,
                                DOCUMENT_CHOICE)),
                Arguments.of("medical access offered, not answered",
                        new JourneyFacts(EntryPoint.NEW, true, null, null, null),
                        List.of(WELCOME, CONSENT, INSURER, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT,
                                EMAIL_CODE, MEDICAL_OFFER)),
                Arguments.of("medical access skipped",
                        new JourneyFacts(EntryPoint.NEW, true, false, null, null),
                        List.of(WELCOME, CONSENT, INSURER, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT,
                                EMAIL_CODE, MEDICAL_OFFER, CONFIRM, DONE)),
                Arguments.of("medical access, document not chosen",
                        new JourneyFacts(EntryPoint.NEW, true, true, null, null),
                        List.of(WELCOME, CONSENT, INSURER, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT,
                                EMAIL_CODE, MEDICAL_OFFER, DOCUMENT_CHOICE)),
                Arguments.of("My Number card: front only, no question about the back",
                        new JourneyFacts(EntryPoint.NEW, true, true, DocumentType.MY_NUMBER_CARD, null),
                        List.of(WELCOME, CONSENT, INSURER, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT,
                                EMAIL_CODE, MEDICAL_OFFER, DOCUMENT_CHOICE, DOCUMENT_FRONT, FACE_FRONT, FACE_ANGLE,
                                SECRET_QUESTION, CONFIRM, DONE)),
                Arguments.of("licence, remarks not answered",
                        new JourneyFacts(EntryPoint.NEW, true, true, DocumentType.DRIVERS_LICENSE, null),
                        List.of(WELCOME, CONSENT, INSURER, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT,
                                EMAIL_CODE, MEDICAL_OFFER, DOCUMENT_CHOICE, DOCUMENT_FRONT, DOCUMENT_BACK_QUESTION)),
                Arguments.of("licence with remarks: back captured",
                        new JourneyFacts(EntryPoint.NEW, true, true, DocumentType.DRIVERS_LICENSE, true),
                        List.of(WELCOME, CONSENT, INSURER, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT,
                                EMAIL_CODE, MEDICAL_OFFER, DOCUMENT_CHOICE, DOCUMENT_FRONT, DOCUMENT_BACK_QUESTION,
                                DOCUMENT_BACK, FACE_FRONT, FACE_ANGLE, SECRET_QUESTION, CONFIRM, DONE)),
                Arguments.of("licence without remarks: no back",
                        new JourneyFacts(EntryPoint.NEW, true, true, DocumentType.DRIVERS_LICENSE, false),
                        List.of(WELCOME, CONSENT, INSURER, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT,
                                EMAIL_CODE, MEDICAL_OFFER, DOCUMENT_CHOICE, DOCUMENT_FRONT, DOCUMENT_BACK_QUESTION,
                                FACE_FRONT, FACE_ANGLE, SECRET_QUESTION, CONFIRM, DONE)),
                Arguments.of("residence card with entries",
                        new JourneyFacts(EntryPoint.NEW, true, true, DocumentType.RESIDENCE_CARD, true),
                        List.of(WELCOME, CONSENT, INSURER, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT,
                                EMAIL_CODE, MEDICAL_OFFER, DOCUMENT_CHOICE, DOCUMENT_FRONT, DOCUMENT_BACK_QUESTION,
                                DOCUMENT_BACK, FACE_FRONT, FACE_ANGLE, SECRET_QUESTION, CONFIRM, DONE)),
                Arguments.of("resumed: account made in the app, membership still to prove",
                        new JourneyFacts(EntryPoint.RESUMED_ACCOUNT_CREATED, false, null, null, null),
                        List.of(WELCOME, RESUME_SCAN, RESUMED, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, CONFIRM,
                                DONE)),
                Arguments.of("resumed: identity verified, medical access left",
                        new JourneyFacts(EntryPoint.RESUMED_IDENTITY_VERIFIED, true, null,
                                DocumentType.DRIVING_HISTORY_CERTIFICATE, false, false, true),
                        List.of(WELCOME, RESUME_SCAN, RESUMED, DOCUMENT_CHOICE, DOCUMENT_FRONT, DOCUMENT_BACK_QUESTION, FACE_FRONT,
                                FACE_ANGLE, SECRET_QUESTION, CONFIRM, DONE)),
                Arguments.of("resumed: identity verified, union known later",
                        new JourneyFacts(EntryPoint.RESUMED_IDENTITY_VERIFIED, null, null, null, null, false, true),
                        List.of(WELCOME, RESUME_SCAN, RESUMED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void pathFollowsTheFacts(String name, JourneyFacts facts, List<Step> expected) {
        assertThat(flow.path(facts)).containsExactlyElementsOf(expected);
    }

    @Test
    void backFromTheCardPassesThroughThePointsTerms() {
        JourneyFacts points = new JourneyFacts(EntryPoint.NEW, true, null, null, null, true);
        assertThat(flow.next(INSURER, points)).contains(POINTS_CONSENT);
        assertThat(flow.previous(CARD, points)).contains(POINTS_CONSENT);
        assertThat(flow.previous(POINTS_CONSENT, points)).contains(INSURER);
        assertThat(flow.previous(CARD, new JourneyFacts(EntryPoint.NEW, true, null, null, null))).contains(INSURER);
    }

    @Test
    void myNumberCardBackIsNeverOnAnyPath() {
        for (Boolean entries : new Boolean[] {null, true, false}) {
            JourneyFacts f = new JourneyFacts(EntryPoint.NEW, true, true, DocumentType.MY_NUMBER_CARD, entries);
            assertThat(flow.path(f)).doesNotContain(DOCUMENT_BACK, DOCUMENT_BACK_QUESTION);
        }
    }

    @Test
    void nextWalksThePathAndStopsAtAnOpenDecision() {
        JourneyFacts f = JourneyFacts.fresh();
        assertThat(flow.next(WELCOME, f)).contains(CONSENT);
        assertThat(flow.next(CONSENT, f)).contains(INSURER);
        assertThatThrownBy(() -> flow.next(EMAIL_CODE, f)).isInstanceOf(IllegalStateException.class);
        assertThat(flow.next(EMAIL_CODE, new JourneyFacts(EntryPoint.NEW, false, null, null, null)))
                .contains(CONFIRM);
        assertThat(flow.next(DONE, f)).isEmpty();
    }

    @Test
    void aStepOffThePathIsAnError() {
        assertThatThrownBy(() -> flow.next(FACE_FRONT, new JourneyFacts(EntryPoint.NEW, false, null, null, null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void backGoesToTheFormBeforeAndSkipsPassedChecks() {
        JourneyFacts f = new JourneyFacts(EntryPoint.NEW, true, true, DocumentType.DRIVERS_LICENSE, true);
        assertThat(flow.previous(CONSENT, f)).isEmpty();
        assertThat(flow.previous(INSURER, f)).contains(CONSENT);
        assertThat(flow.previous(CARD, f)).contains(INSURER);
        assertThat(flow.previous(ACCOUNT, f)).contains(BASIC_CONFIRM);
        assertThat(flow.previous(MEDICAL_OFFER, f)).contains(ACCOUNT);
        assertThat(flow.previous(DOCUMENT_BACK, f)).contains(DOCUMENT_BACK_QUESTION);
        assertThat(flow.previous(DONE, f)).isEmpty();
        assertThat(flow.previous(WELCOME, f)).isEmpty();
        JourneyFacts resumed = new JourneyFacts(EntryPoint.RESUMED_ACCOUNT_CREATED, null, null, null, null);
        assertThat(flow.previous(RESUMED, resumed)).as("the code is not scanned twice").isEmpty();
        assertThat(flow.previous(RESUME_SCAN, new JourneyFacts(EntryPoint.RESUMING, null, null, null, null))).isEmpty();
    }

    @Test
    void indicatorPhasesFollowEntryAndDecisions() {
        assertThat(flow.phases(JourneyFacts.fresh())).containsExactly(Phase.AGREE, Phase.MEMBERSHIP, Phase.ACCOUNT,
                Phase.AUTHENTICATION, Phase.FINISH);
        assertThat(flow.phases(new JourneyFacts(EntryPoint.NEW, false, null, null, null)))
                .containsExactly(Phase.AGREE, Phase.MEMBERSHIP, Phase.ACCOUNT, Phase.FINISH);
        assertThat(flow.phases(new JourneyFacts(EntryPoint.NEW, true, false, null, null)))
                .doesNotContain(Phase.AUTHENTICATION);
        assertThat(flow.phases(new JourneyFacts(EntryPoint.RESUMED_IDENTITY_VERIFIED, true, null, null, null, false,
                true))).containsExactly(Phase.AUTHENTICATION, Phase.FINISH);
        assertThat(flow.phases(new JourneyFacts(EntryPoint.RESUMED_IDENTITY_VERIFIED, true, null, null, null)))
                .as("offline, membership is asked again").containsExactly(Phase.MEMBERSHIP, Phase.AUTHENTICATION,
                        Phase.FINISH);
    }

    @Test
    void everyStepButWelcomeHasAPhase() {
        for (Step s : Step.values()) {
            assertThat(s.phase() == null).as(s.name()).isEqualTo(s == WELCOME);
            assertThat(s.screenId()).startsWith("screen-");
        }
    }
}
