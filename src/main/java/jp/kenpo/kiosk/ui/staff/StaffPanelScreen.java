package jp.kenpo.kiosk.ui.staff;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Screen;

/**
 * {@code #screen-staff-panel}: the staff panel over a member's session. The member's step; from the
 * document step on the document beside the face photos, large enough to compare the faces; and
 * 「本人と確認しました」, 「撮り直す」, 「認証をやめる」, 「戻る」. Where each leads is the shell's to show.
 */
public final class StaffPanelScreen implements Screen {

    /** The width each picture is drawn at: the document's photo and the face side by side, comparable. */
    static final double PICTURE_WIDTH = 360;

    private final VBox root;
    private final List<ImageView> views = new java.util.ArrayList<>();

    public StaffPanelScreen(StaffPanelViewModel vm, I18n i18n, Consumer<StaffPanelViewModel.After> then) {
        Label who = new Label();
        who.textProperty().bind(i18n.text("staffPanel.who", vm.staffName()));
        who.getStyleClass().add("hint");
        Label step = new Label();
        step.setId(AutomationIds.STAFF_PANEL_STEP);
        step.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get("staffPanel.step", i18n.get(vm.stepKey())), i18n.localeProperty()));
        step.getStyleClass().add("lead");
        step.setWrapText(true);
        root = Ui.page(AutomationIds.SCREEN_STAFF_PANEL, Ui.title(i18n, "staffPanel.title"));
        root.getChildren().addAll(who, step);
        if (vm.livenessFallback()) {
            root.getChildren().add(Ui.label(i18n, "staffPanel.livenessFallback", "hint"));
        } else if (vm.confirmed()) {
            root.getChildren().add(Ui.label(i18n, "staffPanel.confirmed", "hint"));
        }
        if (vm.showsPictures()) {
            HBox pictures = new HBox();
            pictures.getStyleClass().addAll("row", "staff-pictures");
            int count = vm.documentImages().size() + vm.faceImages().size();
            // As large as the row allows, side by side, up to PICTURE_WIDTH: a licence's back and two
            // faces still fit the window.
            javafx.beans.binding.DoubleBinding width = javafx.beans.binding.Bindings.createDoubleBinding(() -> {
                double room = pictures.getWidth() - pictures.getSpacing() * (count - 1);
                return room <= 0 ? PICTURE_WIDTH : Math.min(PICTURE_WIDTH, room / count);
            }, pictures.widthProperty(), pictures.spacingProperty());
            for (byte[] side : vm.documentImages()) {
                pictures.getChildren().add(picture(side, "staff-picture-document", width));
            }
            for (byte[] face : vm.faceImages()) {
                pictures.getChildren().add(picture(face, "staff-picture-face", width));
            }
            pictures.setMinWidth(0);
            root.getChildren().add(pictures);
        }

        Button confirm = Ui.button(i18n, "staffPanel.confirm", AutomationIds.STAFF_CONFIRM_PERSON, "primary-action");
        confirm.setDisable(!vm.canConfirm());
        confirm.setOnAction(e -> then.accept(vm.confirm()));
        Button retake = Ui.button(i18n, "staffPanel.retake", AutomationIds.STAFF_RETAKE, "secondary-action");
        retake.setDisable(!vm.canRetake());
        retake.setOnAction(e -> then.accept(vm.retake()));
        Button stop = Ui.button(i18n, "staffPanel.stopMedical", AutomationIds.STAFF_STOP_MEDICAL, "danger-action");
        stop.setDisable(!vm.canStopMedical());
        stop.setOnAction(e -> then.accept(vm.stopMedical()));
        Button back = Ui.button(i18n, "staffPanel.back", AutomationIds.STAFF_RETURN, "secondary-action");
        // the short words keep their width; the long ones wrap at large text
        back.setMinWidth(Region.USE_PREF_SIZE);
        retake.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(e -> then.accept(StaffPanelViewModel.After.BACK));
        HBox buttons = new HBox(back, Ui.grow(), stop, retake, confirm);
        buttons.getStyleClass().add("row");
        root.getChildren().addAll(Ui.grow(), buttons);
    }

    private ImageView picture(byte[] jpeg, String styleClass, javafx.beans.value.ObservableDoubleValue width) {
        ImageView v = new ImageView(new Image(new ByteArrayInputStream(jpeg)));
        v.setPreserveRatio(true);
        v.fitWidthProperty().bind(width);
        v.fitHeightProperty().bind(width);
        v.getStyleClass().add(styleClass);
        views.add(v);
        return v;
    }

    @Override
    public Region view() {
        return root;
    }

    /** The pictures are dropped from the scene when the panel closes. */
    @Override
    public void dispose() {
        views.forEach(v -> v.setImage(null));
    }
}
