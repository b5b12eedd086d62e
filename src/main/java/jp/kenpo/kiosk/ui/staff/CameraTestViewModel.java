package jp.kenpo.kiosk.ui.staff;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import jp.kenpo.kiosk.core.camera.CameraReadings;
import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.core.camera.TestPreview;
import jp.kenpo.kiosk.core.face.Pose;
import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.port.CameraRequest;
import jp.kenpo.kiosk.core.port.CameraTest;
import jp.kenpo.kiosk.ui.common.Message;

/**
 * Staff's camera test: the cameras present and the one in use, a choice kept between runs, and a
 * live preview through the card or the face analyzer with its readings, frames per second and
 * milliseconds per frame. The choice is audited with the staff member who made it.
 */
public final class CameraTestViewModel {

    /** What the virtual camera plays for the face test (a USB camera ignores it). */
    static final CameraRequest FACE = new CameraRequest("face-" + Pose.FRONTAL_CLOSED.code());

    private final CameraTest camera;
    private final AuditLog audit;
    private final Supplier<String> staffActor;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<List<CameraTest.Choice>> cameras = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper card = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<CameraReadings> readings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    private TestPreview preview;

    public CameraTestViewModel(CameraTest camera, AuditLog audit, Supplier<String> staffActor, Executor background,
                               Executor ui) {
        this.camera = camera;
        this.audit = audit;
        this.staffActor = staffActor;
        this.background = background;
        this.ui = ui;
    }

    /** Lists the cameras (in the background) and starts the preview. */
    public void start() {
        source.set(camera.source());
        CompletableFuture.supplyAsync(camera::cameras, background).whenCompleteAsync((list, failure) -> {
            if (failure == null) {
                cameras.set(list);
            } else {
                message.set(Message.of("staff.camera.listFailed"));
            }
        }, ui);
        restart();
    }

    private void restart() {
        if (preview != null) {
            preview.close();
        }
        readings.set(null);
        preview = camera.startTest(card.get() ? CameraRequest.CARD_FRONT : FACE);
    }

    /** The card analyzer ({@code true}) or the face analyzer. */
    public void analyzeCard(boolean cardNotFace) {
        if (card.get() != cardNotFace) {
            card.set(cardNotFace);
            restart();
        }
    }

    /** Uses this camera from now on (kept in the background); the preview restarts on it. */
    public void choose(String chosen) {
        if (chosen == null || chosen.equals(source.get())) {
            return;
        }
        String actor = staffActor.get();
        CompletableFuture.runAsync(() -> {
            camera.choose(chosen);
            audit.record(actor, "camera-chosen", chosen);
        }, background).whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                message.set(Message.of("staff.camera.chooseFailed"));
                return;
            }
            source.set(chosen);
            message.set(Message.of("staff.camera.chosen"));
            restart();
        }, ui);
    }

    /** The newest preview picture (or null), its readings updated with it; the screen calls it every pulse. */
    public PreviewFrame poll() {
        if (preview == null) {
            return null;
        }
        available.set(preview.state() != CameraState.UNAVAILABLE);
        PreviewFrame f = preview.latest();
        if (f != null) {
            readings.set(preview.readings());
        }
        return f;
    }

    /** The screen is left: the preview stops. */
    public void close() {
        if (preview != null) {
            preview.close();
            preview = null;
        }
    }

    public ReadOnlyObjectProperty<List<CameraTest.Choice>> camerasProperty() {
        return cameras.getReadOnlyProperty();
    }

    /** The source in use. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cardProperty() {
        return card.getReadOnlyProperty();
    }

    /** The newest readings; null before the first frame. */
    public ReadOnlyObjectProperty<CameraReadings> readingsProperty() {
        return readings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }
}
