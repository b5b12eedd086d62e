package jp.kenpo.kiosk.ui;

import static jp.kenpo.kiosk.testing.Steps.goesOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.camera.FacePreview;
import jp.kenpo.kiosk.core.face.FaceJudge;
import jp.kenpo.kiosk.core.face.FaceReason;
import jp.kenpo.kiosk.core.port.CameraRequest;
import jp.kenpo.kiosk.core.port.FaceCamera;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.SessionId;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.face.FaceViewModel;
import jp.kenpo.kiosk.ui.face.FaceViewModel.Mode;
import jp.kenpo.kiosk.ui.face.FaceViewModel.Phase;

/** The face steps' logic against a scripted camera (the real one: capture/ and FaceUiTest). */
class FaceViewModelTest {

    /** The scripted camera, with frames of a face analysis and the mouth score of the photo taken. */
    static final class ScriptedFace extends ScriptedPreview implements FacePreview {
        double mouth;

        ScriptedFace() {
            state = CameraState.LIVE;
        }

        void frame(FaceReason reason) {
            frame(reason != FaceReason.NO_FACE, reason == null ? null : reason.messageKey(), 0);
        }

        @Override
        public double capturedMouthScore() {
            return mouth;
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"));
    private final ScriptedFace face = new ScriptedFace();
    private final List<CameraRequest> requests = new ArrayList<>();
    private final FaceCamera camera = (CameraRequest request, FaceJudge judge) -> {
        requests.add(request);
        face.closed = false;
        return face;
    };
    private final KioskSession session = new KioskSession(SessionId.random(new SeededRandom(3)), Instant.EPOCH);

    private FaceViewModel vm(Mode mode) {
        FaceViewModel vm = new FaceViewModel(session, mode, camera, clock, new SeededRandom(5), Duration.ofSeconds(45));
        vm.start();
        return vm;
    }

    private void frames(FaceViewModel vm, FaceReason reason, int n, int everyMs) {
        ScriptedPreview.frames(n, everyMs, clock, () -> face.frame(reason), vm::poll);
    }

    @Test
    void aFaceAtTheEdgeOfTooFarDoesNotMakeTheSentenceFlicker() {
        FaceViewModel vm = vm(Mode.FRONTAL);
        assertThat(requests).containsExactly(new CameraRequest("face-frontal_mouth_closed"));
        List<Message> shown = new ArrayList<>();
        vm.messageProperty().addListener((o, was, now) -> shown.add(now));
        for (int i = 0; i < 30; i++) {
            face.frame(i % 2 == 0 ? FaceReason.TOO_FAR : null);
            vm.poll();
            clock.advance(Duration.ofMillis(250));
        }
        assertThat(shown).containsExactly(Message.of("face.reason.tooFar"));
        frames(vm, null, 3, 250);
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("face.hold"));
    }

    @Test
    void theFrontalPhotoIsTakenOnceGoodAndKeptOnNext() {
        FaceViewModel vm = vm(Mode.FRONTAL);
        frames(vm, null, 2, 66);
        byte[] photo = {1, 2, 3};
        face.captured = photo;
        face.mouth = 0.03;
        vm.poll();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.TAKEN);
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("face.front.ok"));
        assertThat(goesOn(vm)).isTrue();
        assertThat(session.closedMouth()).isEqualTo(0.03);
        vm.dispose();
        assertThat(face.closed).isTrue();
    }

    @Test
    void noFrontalPhotoWithinTheFindTimeSendsTheMemberToStaffAndARetakeStartsAgain() {
        FaceViewModel vm = vm(Mode.FRONTAL);
        frames(vm, FaceReason.TOO_FAR, 2, 500);
        assertThat(vm.helpShownProperty().get()).isFalse();
        clock.advance(Duration.ofSeconds(43));
        frames(vm, FaceReason.TOO_FAR, 1, 0);
        assertThat(vm.helpShownProperty().get()).as("44 s").isFalse();
        clock.advance(Duration.ofSeconds(1));
        frames(vm, FaceReason.TOO_FAR, 1, 0);
        assertThat(vm.helpShownProperty().get()).as("45 s: the member is told to ask staff").isTrue();
        assertThat(vm.messageProperty().get()).as("and still told what is wrong").isEqualTo(Message.of("face.reason.tooFar"));

        face.captured = new byte[] {1};
        vm.poll();
        assertThat(vm.helpShownProperty().get()).isFalse();
        vm.retake();
        assertThat(face.retakes).isEqualTo(1);
        frames(vm, FaceReason.TOO_FAR, 2, 500);
        assertThat(vm.helpShownProperty().get()).as("the find time starts again").isFalse();
    }

    @Test
    void theCameraGoneIsSaidAtOnceAndTheFindTimeWaitsForIt() {
        FaceViewModel vm = vm(Mode.FRONTAL);
        frames(vm, FaceReason.NO_FACE, 1, 0);
        face.state = CameraState.UNAVAILABLE;
        clock.advance(Duration.ofSeconds(60));
        vm.poll();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("capture.camera.unavailable"));
        assertThat(vm.cameraAvailableProperty().get()).isFalse();
        face.state = CameraState.LIVE;
        frames(vm, FaceReason.OFF_CENTER, 1, 0);
        assertThat(vm.messageProperty().get()).as("back at once").isEqualTo(Message.of("face.reason.offCenter"));
        assertThat(vm.helpShownProperty().get()).isFalse();
    }

    @Test
    void theSecondAngleAsksForADrawnPoseAndSendsToStaffAfterThreeInstructions() {
        session.closedMouth(0.02);
        FaceViewModel vm = vm(Mode.ANGLE);
        assertThat(vm.instructionProperty().get()).isEqualTo(Message.of(vm.pose().messageKey()));
        assertThat(requests).containsExactly(vm.pose().request());
        // turning and the mouth are what the member is asked for: one sentence, not "face the camera"
        frames(vm, FaceReason.NOT_FRONTAL, 4, 200);
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("face.angle.follow"));
        for (int i = 2; i <= 3; i++) {
            clock.advance(FaceViewModel.INSTRUCTION_TIME);
            vm.poll();
            assertThat(vm.messageProperty().get()).isEqualTo(Message.of("face.angle.again"));
            assertThat(requests).hasSize(i);
            frames(vm, FaceReason.NOT_FRONTAL, 1, 100);
            assertThat(vm.messageProperty().get()).as("the new instruction's notice stays a moment")
                    .isEqualTo(Message.of("face.angle.again"));
        }
        clock.advance(FaceViewModel.INSTRUCTION_TIME);
        vm.poll();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("face.angle.failed"));
        assertThat(face.closed).isTrue();
        assertThat(vm.helpShownProperty().get()).as("the second angle sends to staff by failing").isFalse();
    }
}
