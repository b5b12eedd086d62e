package jp.kenpo.kiosk.ui.document;

import java.io.ByteArrayInputStream;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.camera.GuideFrame;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession.Side;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.CameraRow;
import jp.kenpo.kiosk.ui.common.CameraStepScreen;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.common.PreviewPane;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.pictures.CardHoldPicture;

/**
 * {@code #screen-document-capture}: the live preview with the white guide frame and the corners the
 * analyzer found, the guidance sentence ({@code #message}), a drawing of a card lying flat in the
 * frame, {@code #shutter}; then the review with
 * the corrected picture, {@code #retake} and 次へ. Frames are drawn on the JavaFX pulse from the
 * newest one the camera thread published; pixels are copied into one reused image.
 */
public final class CaptureScreen extends CameraStepScreen {

    /** The reviewed card's width on screen: big enough to read its print. */
    static final double STILL_WIDTH = 760;

    private final CaptureViewModel vm;
    private final ImageView still = new ImageView();

    public CaptureScreen(CaptureViewModel vm, I18n i18n) {
        super(vm);
        this.vm = vm;
        Message titleText = vm.title(); // fixed for the screen; the session may be wiped before it is collected
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> MessageLabel.render(i18n, titleText),
                i18n.localeProperty()));

        ProgressBar steady = PreviewPane.steadyBar(vm.steadyProperty(), vm.cameraAvailableProperty());
        Label help = PreviewPane.helpNote(i18n, "capture.help", AutomationIds.CAPTURE_HELP, vm.helpShownProperty(),
                vm.cameraAvailableProperty());
        Button shutter = Ui.button(i18n, "capture.shutter", AutomationIds.SHUTTER, "primary-action");
        shutter.setMaxWidth(Double.MAX_VALUE);
        shutter.disableProperty().bind(vm.cameraAvailableProperty().not());
        shutter.setOnAction(e -> vm.shutter());
        MessageLabel message = new MessageLabel(i18n, vm.messageProperty());
        vm.messageProperty().addListener((o, was, now) -> {
            boolean ok = now != null && "capture.hold".equals(now.key());
            if (ok != message.getStyleClass().contains("message-ok")) {
                if (ok) {
                    message.getStyleClass().add("message-ok");
                } else {
                    message.getStyleClass().remove("message-ok");
                }
            }
        });
        // how the card should sit in the frame, drawn in the room left above the shutter
        CardHoldPicture hold = new CardHoldPicture(i18n);
        hold.filling();
        VBox.setVgrow(hold, Priority.ALWAYS);
        CameraRow camera = new CameraRow(i18n, vm.cameraAvailableProperty(), (g, picture, frame) -> {
            GuideFrame guide = GuideFrame.in(picture.getWidth(), picture.getHeight());
            CameraRow.centredFrame(g, picture, guide.width(), guide.height());
            PreviewPane.outline(g, picture, frame);
        }, Ui.label(i18n, "capture.lead", "lead"), message, steady, help, hold, shutter);

        still.setFitWidth(STILL_WIDTH);
        still.setFitHeight(STILL_WIDTH * 540 / 856);
        still.setPreserveRatio(true);
        still.setId(AutomationIds.CAPTURED_IMAGE);
        Button retake = Ui.button(i18n, "capture.retake", AutomationIds.RETAKE, "secondary-action");
        retake.setMaxWidth(Double.MAX_VALUE);
        retake.setOnAction(e -> vm.retake());
        HBox reviewRow = CameraRow.beside(still, Ui.label(i18n, "capture.review.lead", "lead"), Ui.grow(), retake);

        camera.visibleProperty().bind(vm.reviewing().not());
        camera.managedProperty().bind(camera.visibleProperty());
        reviewRow.visibleProperty().bind(vm.reviewing());
        reviewRow.managedProperty().bind(reviewRow.visibleProperty());
        vm.capturedProperty().addListener((o, was, now) ->
                still.setImage(now == null ? null : new Image(new ByteArrayInputStream(now))));

        VBox root = Ui.page(Step.DOCUMENT_FRONT.screenId(), title);
        root.getStyleClass().add(vm.side() == Side.FRONT ? "capture-front" : "capture-back");
        root.getChildren().addAll(camera, reviewRow);
        show(root, camera);
    }

    @Override
    protected void release() {
        still.setImage(null);
    }
}
