package jp.kenpo.kiosk.ui.face;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.CameraRow;
import jp.kenpo.kiosk.ui.common.CameraStepScreen;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.PreviewPane;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.face.FaceViewModel.Mode;
import jp.kenpo.kiosk.ui.face.FaceViewModel.Phase;
import jp.kenpo.kiosk.ui.pictures.HeadTurnPicture;

/**
 * {@code #screen-face-front} and {@code #screen-face-angle}: the live picture with the oval guide
 * and the found face, the guidance in {@code #message}, the second angle's {@code #instruction};
 * 次へ once the photo is taken (「写真判定OK」), {@code #retake} for the frontal photo. The second angle's
 * instruction is also shown by a drawn head turning the way asked.
 */
public final class FaceScreen extends CameraStepScreen {

    /** The oval guide as shares of the picture's width and height (the analyzer's face limits fit in it). */
    static final double OVAL_WIDTH = 0.42;
    static final double OVAL_HEIGHT = 0.82;

    private final FaceViewModel vm;
    /** The second angle's drawn head; {@code null} for the frontal photo. */
    private final HeadTurnPicture head;

    public FaceScreen(FaceViewModel vm, I18n i18n) {
        super(vm);
        this.vm = vm;
        boolean front = vm.mode() == Mode.FRONTAL;
        Label instruction = new Label();
        instruction.setId(AutomationIds.INSTRUCTION);
        Ui.spoken(instruction, vm.instructionProperty());
        instruction.getStyleClass().add("instruction");
        instruction.setWrapText(true);
        instruction.setMinHeight(Region.USE_PREF_SIZE);
        instruction.textProperty().bind(Bindings.createStringBinding(() -> vm.instructionProperty().get() == null ? ""
                : MessageLabel.render(i18n, vm.instructionProperty().get()), vm.instructionProperty(), i18n.localeProperty()));
        instruction.visibleProperty().bind(vm.instructionProperty().isNotNull());
        instruction.managedProperty().bind(instruction.visibleProperty());

        MessageLabel message = new MessageLabel(i18n, vm.messageProperty());
        vm.phaseProperty().addListener((o, was, now) -> {
            message.getStyleClass().remove("message-ok");
            if (now == Phase.TAKEN) {
                message.getStyleClass().add("message-ok");
            }
        });
        ProgressBar steady = PreviewPane.steadyBar(vm.steadyProperty(), vm.cameraAvailableProperty());

        Label help = PreviewPane.helpNote(i18n, "face.front.help", AutomationIds.FACE_HELP, vm.helpShownProperty(),
                vm.cameraAvailableProperty());

        List<Node> guidance = new ArrayList<>(List.of(Ui.label(i18n, front ? "face.front.lead" : "face.angle.lead",
                "lead"), instruction, message, steady, help));
        if (!front) {
            // Below the words, in the room they leave: the instruction shown by a head that turns;
            // it holds still once the photo is taken.
            head = new HeadTurnPicture(i18n, vm.pose());
            head.filling();
            VBox.setVgrow(head, Priority.ALWAYS);
            vm.instructionProperty().addListener((o, was, now) -> head.show(vm.pose()));
            vm.phaseProperty().addListener((o, was, now) -> {
                if (now != Phase.LOOKING) {
                    head.holdTurned();
                }
            });
            guidance.add(head);
        } else {
            head = null;
            guidance.add(Ui.grow());
        }
        if (front) {
            Button retake = Ui.button(i18n, "capture.retake", AutomationIds.RETAKE, "secondary-action");
            retake.setMaxWidth(Double.MAX_VALUE);
            retake.visibleProperty().bind(vm.taken());
            retake.setOnAction(e -> vm.retake());
            guidance.add(retake);
        }
        CameraRow camera = new CameraRow(i18n, vm.cameraAvailableProperty(), (g, picture, frame) -> {
            double w = picture.getWidth() * OVAL_WIDTH;
            double h = picture.getHeight() * OVAL_HEIGHT;
            PreviewPane.guidePen(g);
            g.strokeOval(picture.getMinX() + (picture.getWidth() - w) / 2,
                    picture.getMinY() + (picture.getHeight() - h) / 2, w, h);
            PreviewPane.outline(g, picture, frame);
        }, guidance.toArray(Node[]::new)).mirrored();

        VBox root = Ui.page((front ? Step.FACE_FRONT : Step.FACE_ANGLE).screenId(),
                Ui.title(i18n, front ? "face.front.title" : "face.angle.title"));
        if (!front) {
            VBox.setVgrow(camera, Priority.ALWAYS); // the column under the preview's height holds the head too
        }
        root.getChildren().add(camera);
        show(root, camera);
    }

    @Override
    protected void release() {
        if (head != null) {
            head.dispose();
        }
    }
}
