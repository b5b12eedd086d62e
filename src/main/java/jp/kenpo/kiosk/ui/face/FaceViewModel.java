package jp.kenpo.kiosk.ui.face;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.camera.FacePreview;
import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.core.face.FaceJudge;
import jp.kenpo.kiosk.core.face.FaceReason;
import jp.kenpo.kiosk.core.face.Liveness;
import jp.kenpo.kiosk.core.face.Pose;
import jp.kenpo.kiosk.core.port.FaceCamera;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.common.PreviewGuidance;
import jp.kenpo.kiosk.ui.step.CameraStepViewModel;

/**
 * 10. 顔写真（正面） and 11. 顔写真（別アングル）. The frontal photo is taken once the face is good
 * (one face, in the oval, mouth closed, sharp) for a few frames: 「写真判定OK」. The second angle
 * asks for a pose drawn at random; the camera takes it once the frames show it, within a time
 * limit, with a limited number of new instructions, then the member is sent to staff.
 */
public final class FaceViewModel implements CameraStepViewModel {

    public enum Mode { FRONTAL, ANGLE }

    public enum Phase { LOOKING, TAKEN, FAILED }

    /** Time to follow one instruction, and how many instructions before staff is asked. */
    public static final Duration INSTRUCTION_TIME = Duration.ofSeconds(20);
    public static final int INSTRUCTIONS = 3;

    private final KioskSession session;
    private final Mode mode;
    private final FaceCamera camera;
    private final Liveness liveness;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.LOOKING);
    private final ObjectProperty<Message> message = new SimpleObjectProperty<>(Message.of("capture.camera.starting"));
    private final ObjectProperty<Message> instruction = new SimpleObjectProperty<>();
    private final BooleanProperty cameraAvailable = new SimpleBooleanProperty(true);
    private final DoubleProperty steady = new SimpleDoubleProperty();

    private final BooleanProperty helpShown = new SimpleBooleanProperty();
    private final PreviewGuidance guidance;
    private final BooleanBinding needsStaff = Bindings.createBooleanBinding(
            () -> helpShown.get() || phase.get() == Phase.FAILED, helpShown, phase);
    private FacePreview preview;
    private byte[] taken;
    private double takenMouth;

    public FaceViewModel(KioskSession session, Mode mode, FaceCamera camera, Clock clock, RandomSource random,
                         Duration findLimit) {
        if (mode == Mode.ANGLE && session.closedMouth() == null) {
            throw new IllegalStateException("the second angle follows an accepted frontal photo");
        }
        this.session = session;
        this.mode = mode;
        this.camera = camera;
        this.guidance = new PreviewGuidance(message, clock, findLimit);
        this.liveness = mode == Mode.ANGLE
                ? new Liveness(random, clock, INSTRUCTION_TIME, INSTRUCTIONS, session.closedMouth()) : null;
    }

    @Override
    public void start() {
        guidance.restart();
        if (mode == Mode.FRONTAL) {
            preview = camera.startFace(Pose.FRONTAL_CLOSED.request(), FaceJudge.FRONTAL);
        } else {
            follow(liveness.instruction());
        }
    }

    private void follow(Pose pose) {
        if (preview != null) {
            preview.close();
        }
        instruction.set(Message.of(pose.messageKey()));
        preview = camera.startFace(pose.request(), (faces, yaw, mouth, accept) -> liveness.shows(pose, faces, yaw, mouth));
    }

    /** The newest frame to draw, or {@code null}; moves the step on when the face was taken or time ran out. */
    @Override
    public PreviewFrame poll() {
        if (preview == null || phase.get() != Phase.LOOKING) {
            return null;
        }
        if (liveness != null) {
            Liveness.State s = liveness.tick();
            if (s == Liveness.State.NEW_INSTRUCTION) {
                follow(liveness.instruction());
                guidance.say("face.angle.again");
                return null;
            }
            if (s == Liveness.State.FAILED) {
                stop();
                phase.set(Phase.FAILED);
                message.set(Message.of("face.angle.failed"));
                return null;
            }
        }
        byte[] picture = preview.takeCaptured();
        PreviewFrame frame = preview.latest();
        boolean available = preview.state() != CameraState.UNAVAILABLE;
        cameraAvailable.set(available);
        if (picture != null) {
            helpShown.set(false);
            taken = picture;
            takenMouth = preview.capturedMouthScore();
            if (liveness != null) {
                liveness.passed();
            }
            steady.set(1);
            phase.set(Phase.TAKEN);
            message.set(Message.of(mode == Mode.FRONTAL ? "face.front.ok" : "face.angle.ok"));
            return frame;
        }
        if (!available) {
            message.set(Message.of("capture.camera.unavailable"));
            guidance.restart();
            helpShown.set(false);
            return null;
        }
        // The frontal photo has no time limit of its own: after a while the member is told, plainly,
        // to ask staff, so that nobody waits in front of a preview that will never take the picture.
        helpShown.set(mode == Mode.FRONTAL && guidance.overdue());
        if (frame != null) {
            steady.set(frame.steady());
            guidance.offer(sentence(frame.reasonKey()));
        }
        return frame;
    }

    /** The sentence for a frame: its first reason; for the second angle, turning and the mouth are the point. */
    private String sentence(String reasonKey) {
        if (reasonKey == null) {
            return mode == Mode.FRONTAL ? "face.hold" : "face.angle.hold";
        }
        if (mode == Mode.ANGLE && (reasonKey.equals(FaceReason.NOT_FRONTAL.messageKey())
                || reasonKey.equals(FaceReason.MOUTH_OPEN.messageKey()))) {
            return "face.angle.follow";
        }
        return reasonKey;
    }

    /** 撮り直す (the frontal photo only). */
    public void retake() {
        if (mode != Mode.FRONTAL || phase.get() != Phase.TAKEN) {
            return;
        }
        session.captureRetried();
        forget();
        phase.set(Phase.LOOKING);
        steady.set(0);
        guidance.restart();
        preview.retake();
    }

    /** 次へ: the photo goes into the session. */
    @Override
    public ObservableBooleanValue canAdvance() {
        return taken();
    }

    @Override
    public void commit(Runnable proceed) {
        if (take()) {
            proceed.run();
        }
    }

    /** Takes the picture into the session; false while there is none to keep. */
    private boolean take() {
        if (phase.get() != Phase.TAKEN || taken == null) {
            return false;
        }
        if (mode == Mode.FRONTAL) {
            session.faceImage(Pose.FRONTAL_CLOSED.code(), taken);
            session.closedMouth(takenMouth);
        } else {
            session.faceImage(liveness.instruction().code(), taken);
            session.livenessPassed(true);
        }
        taken = null;
        return true;
    }

    @Override
    public void dispose() {
        stop();
        forget();
    }

    private void stop() {
        if (preview != null) {
            preview.close();
            preview = null;
        }
    }

    private void forget() {
        if (taken != null) {
            Arrays.fill(taken, (byte) 0);
            taken = null;
        }
    }

    public Mode mode() {
        return mode;
    }

    /** The pose asked for now (second angle only). */
    public Pose pose() {
        return liveness == null ? Pose.FRONTAL_CLOSED : liveness.instruction();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message;
    }

    /** The second angle's instruction (「右を向いて、口を閉じてください」); {@code null} for the frontal photo. */
    public ReadOnlyObjectProperty<Message> instructionProperty() {
        return instruction;
    }

    public ReadOnlyBooleanProperty cameraAvailableProperty() {
        return cameraAvailable;
    }

    /**
     * Whether the frontal photo has not been taken within the camera's find time: the screen then
     * says so and sends the member to staff.
     */
    /**
     * Staff are offered once the frontal photo was not taken within the camera's find time, or the
     * third angle instruction was not followed (staff may then check the member in person).
     */
    @Override
    public ObservableBooleanValue needsStaff() {
        return needsStaff;
    }

    public ReadOnlyBooleanProperty helpShownProperty() {
        return helpShown;
    }

    public ReadOnlyDoubleProperty steadyProperty() {
        return steady;
    }

    public BooleanBinding taken() {
        return Bindings.createBooleanBinding(() -> phase.get() == Phase.TAKEN, phase);
    }
}
