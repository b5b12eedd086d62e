package jp.kenpo.kiosk.ui.resume;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.PreviewPane;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * {@code #screen-resume-scan}: the live preview with a square guide, what to hold up, the sentence of
 * a refused code ({@code #message}) and 戻る ({@code #resume-back}, to the welcome screen). Goes on by
 * itself once a code resumes a signup.
 */
public final class ResumeScanScreen implements StepScreen {

    static final double PREVIEW_WIDTH = 800;
    static final double PREVIEW_HEIGHT = 450;
    /** The guide's side as a share of the picture's height. */
    static final double GUIDE_SHARE = 0.7;
    public static final String BACK_ID = "resume-back";

    private final ResumeScanViewModel vm;
    private final VBox root;
    private final PreviewPane preview;

    public ResumeScanScreen(ResumeScanViewModel vm, I18n i18n, Navigator nav) {
        this.vm = vm;
        preview = new PreviewPane(i18n, PREVIEW_WIDTH, PREVIEW_HEIGHT, vm.cameraAvailableProperty(),
                (g, picture, frame) -> {
                    double side = picture.getHeight() * GUIDE_SHARE;
                    PreviewPane.guidePen(g);
                    g.strokeRoundRect(picture.getMinX() + (picture.getWidth() - side) / 2,
                            picture.getMinY() + (picture.getHeight() - side) / 2, side, side, 16, 16);
                });
        MessageLabel message = new MessageLabel(i18n, vm.messageProperty());
        Button back = Ui.button(i18n, "resume.scan.back", BACK_ID, "secondary-action");
        back.setMaxWidth(Double.MAX_VALUE);
        back.disableProperty().bind(vm.busyProperty());
        back.setOnAction(e -> nav.home("resume scan left"));
        VBox guidance = new VBox(Ui.label(i18n, "resume.scan.lead", "lead"), message, Ui.grow(), back);
        guidance.getStyleClass().add("capture-guidance");
        HBox.setHgrow(guidance, Priority.ALWAYS);
        HBox row = new HBox(preview, guidance);
        row.getStyleClass().add("capture-row");

        Label title = Ui.title(i18n, "resume.scan.title");
        root = Ui.page(Step.RESUME_SCAN.screenId(), title);
        root.getChildren().add(row);
        vm.readyProperty().addListener((o, was, now) -> {
            if (now) {
                nav.next();
            }
        });
        vm.start();
        preview.follow(vm::poll);
    }

    @Override
    public Region view() {
        return root;
    }

    @Override
    public boolean hideNextWhileDisabled() {
        return true;
    }

    @Override
    public void dispose() {
        vm.dispose();
        preview.clear();
    }

    @Override
    public StepViewModel viewModel() {
        return vm;
    }
}
