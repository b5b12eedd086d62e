package jp.kenpo.kiosk.ui.document;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

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
import jp.kenpo.kiosk.core.camera.CameraPreview;
import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.core.config.MaskRegion;
import jp.kenpo.kiosk.core.port.CameraRequest;
import jp.kenpo.kiosk.core.port.DocumentCamera;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.KioskSession.Side;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.common.PreviewGuidance;
import jp.kenpo.kiosk.ui.step.CameraStepViewModel;

/**
 * 9. 本人確認書類の撮影, one side: the live preview's guidance, the automatic (or shutter) capture,
 * and the review with 撮り直す / 次へ. The screen calls {@link #poll()} on every pulse; the camera
 * never blocks it.
 */
public final class CaptureViewModel implements CameraStepViewModel {

    public enum Phase { PREVIEW, REVIEW }

    private final KioskSession session;
    private final Side side;
    private final DocumentCamera camera;
    private final List<MaskRegion> masks;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.PREVIEW);
    private final ObjectProperty<Message> message = new SimpleObjectProperty<>(Message.of("capture.camera.starting"));
    private final ObjectProperty<byte[]> captured = new SimpleObjectProperty<>();
    private final BooleanProperty cameraAvailable = new SimpleBooleanProperty(true);
    private final BooleanProperty helpShown = new SimpleBooleanProperty();
    private final DoubleProperty steady = new SimpleDoubleProperty();

    private final PreviewGuidance guidance;
    private CameraPreview preview;

    public CaptureViewModel(KioskSession session, Side side, DocumentCamera camera, List<MaskRegion> masks,
                            Clock clock, Duration findLimit) {
        if (side == Side.BACK && !session.documentType().needsBack(Boolean.TRUE.equals(session.facts().backHasEntries()))) {
            throw new IllegalStateException(session.documentType() + ": the back is not to be captured");
        }
        this.session = session;
        this.side = side;
        this.camera = camera;
        this.masks = List.copyOf(masks);
        this.guidance = new PreviewGuidance(message, clock, findLimit);
    }

    /** Turns the camera on for this side. */
    @Override
    public void start() {
        preview = camera.start(side == Side.FRONT ? CameraRequest.CARD_FRONT : CameraRequest.CARD_BACK, masks);
        guidance.restart();
    }

    /** The title: which document and which side. */
    public Message title() {
        return Message.of(side == Side.FRONT ? "capture.title.front" : "capture.title.back",
                Message.of(DocumentChoiceViewModel.nameKey(session.documentType())));
    }

    /**
     * Takes what the camera has for the screen: the newest preview frame to draw (or {@code null})
     * and, once the card is taken, the review.
     */
    @Override
    public PreviewFrame poll() {
        if (preview == null || phase.get() != Phase.PREVIEW) {
            return null;
        }
        byte[] taken = preview.takeCaptured();
        PreviewFrame frame = preview.latest();
        boolean available = preview.state() != CameraState.UNAVAILABLE;
        cameraAvailable.set(available);
        if (taken != null) {
            captured.set(taken);
            steady.set(0);
            message.set(null);
            helpShown.set(false);
            phase.set(Phase.REVIEW);
            return frame;
        }
        if (!available) {
            message.set(Message.of("capture.camera.unavailable"));
            guidance.restart();
            return null;
        }
        if (frame != null) {
            steady.set(frame.steady());
            guidance.offer(frame.reasonKey() != null ? frame.reasonKey() : "capture.hold");
        }
        helpShown.set(guidance.overdue());
        return frame;
    }

    /** 撮影する: keep the next frame whatever the checks say. */
    public void shutter() {
        if (preview != null && phase.get() == Phase.PREVIEW) {
            preview.shutter();
        }
    }

    /** 撮り直す. */
    public void retake() {
        session.captureRetried();
        forgetCapture();
        phase.set(Phase.PREVIEW);
        message.set(Message.of("capture.reason.notFound"));
        guidance.restart();
        if (preview != null) {
            preview.retake();
        }
    }

    /** 次へ: the reviewed picture goes into the session. */
    @Override
    public ObservableBooleanValue canAdvance() {
        return reviewing();
    }

    @Override
    public void commit(Runnable proceed) {
        if (take()) {
            proceed.run();
        }
    }

    /** Takes the picture into the session; false while there is none to keep. */
    private boolean take() {
        byte[] image = captured.get();
        if (phase.get() != Phase.REVIEW || image == null) {
            return false;
        }
        session.documentImage(side, image);
        captured.set(null); // the session owns it now
        return true;
    }

    /** Leaving the screen: the camera stops; a picture not taken into the session is overwritten. */
    @Override
    public void dispose() {
        if (preview != null) {
            preview.close();
            preview = null;
        }
        forgetCapture();
    }

    private void forgetCapture() {
        byte[] image = captured.get();
        captured.set(null);
        if (image != null) {
            Arrays.fill(image, (byte) 0);
        }
    }

    public Side side() {
        return side;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message;
    }

    /** The captured picture (JPEG) while it is reviewed. */
    public ReadOnlyObjectProperty<byte[]> capturedProperty() {
        return captured;
    }

    public ReadOnlyBooleanProperty cameraAvailableProperty() {
        return cameraAvailable;
    }

    /** Whether the "ask staff / use the shutter" hint shows: the card has not been taken for a while. */
    /** Staff are offered once no picture was taken within the camera's find time. */
    @Override
    public javafx.beans.value.ObservableBooleanValue needsStaff() {
        return helpShown;
    }

    public ReadOnlyBooleanProperty helpShownProperty() {
        return helpShown;
    }

    /** 0–1: how far the steadiness count for auto-capture is. */
    public ReadOnlyDoubleProperty steadyProperty() {
        return steady;
    }

    public BooleanBinding reviewing() {
        return Bindings.createBooleanBinding(() -> phase.get() == Phase.REVIEW, phase);
    }
}
