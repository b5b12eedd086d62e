package jp.kenpo.kiosk.ui.resume;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.CameraRow;
import jp.kenpo.kiosk.ui.common.CameraStepScreen;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;

/**
 * {@code #screen-resume-scan}: the live preview with a square guide, what to hold up — or in its place
 * the sentence of a refused code ({@code #message}) — and 戻る ({@code #resume-back}, to the welcome screen). Goes on by
 * itself once a code resumes a signup.
 */
public final class ResumeScanScreen extends CameraStepScreen {

    /** The guide's side as a share of the picture's height. */
    static final double GUIDE_SHARE = 0.7;
    public static final String BACK_ID = "resume-back";

    public ResumeScanScreen(ResumeScanViewModel vm, I18n i18n, Navigator nav) {
        super(vm);
        MessageLabel message = new MessageLabel(i18n, vm.messageProperty());
        Button back = Ui.button(i18n, "resume.scan.back", BACK_ID, "secondary-action");
        back.setMaxWidth(Double.MAX_VALUE);
        back.disableProperty().bind(vm.busyProperty());
        back.setOnAction(e -> nav.home("resume scan left"));
        // A refusal's sentence says what to do instead: it takes the lead's place, so that at the large
        // text size 戻る stays on the screen without scrolling.
        Label lead = Ui.label(i18n, "resume.scan.lead", "lead");
        lead.visibleProperty().bind(vm.messageProperty().isNull());
        lead.managedProperty().bind(lead.visibleProperty());
        CameraRow camera = new CameraRow(i18n, vm.cameraAvailableProperty(), (g, picture, frame) -> {
            double side = picture.getHeight() * GUIDE_SHARE;
            CameraRow.centredFrame(g, picture, side, side);
        }, lead, message, Ui.grow(), back);

        Label title = Ui.title(i18n, "resume.scan.title");
        VBox root = Ui.page(Step.RESUME_SCAN.screenId(), title);
        root.getChildren().add(camera);
        vm.readyProperty().addListener((o, was, now) -> {
            if (now) {
                nav.next();
            }
        });
        show(root, camera);
    }
}
