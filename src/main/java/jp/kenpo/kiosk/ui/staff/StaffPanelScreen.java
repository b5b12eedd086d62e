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
        // No word is broken: at large text the actions go onto a second line instead.
        for (Button b : List.of(back, stop, retake, confirm)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        back.setOnAction(e -> then.accept(StaffPanelViewModel.After.BACK));
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(stop, retake, confirm);
        actions.getStyleClass().add("staff-actions");
        actions.setAlignment(javafx.geometry.Pos.BOTTOM_RIGHT);
        actions.hgapProperty().bind(buttonGap(stop));
        actions.vgapProperty().bind(buttonGap(stop));
        HBox.setHgrow(actions, javafx.scene.layout.Priority.ALWAYS);
        HBox buttons = new HBox(back, actions);
        buttons.setAlignment(javafx.geometry.Pos.BOTTOM_LEFT);
        buttons.getStyleClass().add("row");
        root.getChildren().addAll(Ui.grow(), buttons);
        if (vm.showsPictures()) {
            root.getChildren().add(root.getChildren().size() - 2, pictures(vm));
        }
    }

    /**
     * The document beside the face photos, each as large as the room allows up to {@link #PICTURE_WIDTH}:
     * side by side in the row's width (a licence's back and two faces still fit), and in the height
     * the texts and the actions leave (at large text too).
     */
    private HBox pictures(StaffPanelViewModel vm) {
        HBox pictures = new HBox();
        pictures.getStyleClass().addAll("row", "staff-pictures");
        pictures.setMinWidth(0);
        int count = vm.documentImages().size() + vm.faceImages().size();
        // what else stands in the page (not the spacer, which takes what is left)
        List<Region> others = root.getChildren().stream()
                .filter(n -> n instanceof Region && VBox.getVgrow(n) != javafx.scene.layout.Priority.ALWAYS)
                .map(n -> (Region) n).toList();
        // the window's height: the page itself grows with what it holds
        javafx.beans.binding.DoubleBinding window = javafx.beans.binding.Bindings.selectDouble(root.sceneProperty(),
                "height");
        List<javafx.beans.Observable> on = new java.util.ArrayList<>(List.of(pictures.widthProperty(),
                pictures.spacingProperty(), window, root.spacingProperty(), root.insetsProperty()));
        others.forEach(o -> on.add(o.heightProperty()));
        javafx.beans.binding.DoubleBinding size = javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double across = pictures.getWidth() - pictures.getSpacing() * (count - 1);
            double side = across <= 0 ? PICTURE_WIDTH : Math.min(PICTURE_WIDTH, across / count);
            if (window.get() <= 0) {
                return side;
            }
            double taken = root.getInsets().getTop() + root.getInsets().getBottom()
                    + root.getSpacing() * (others.size() + 1); // the pictures' and the spacer's gaps
            for (Region o : others) {
                taken += o.getHeight();
            }
            for (javafx.scene.Parent p = root.getParent(); p != null; p = p.getParent()) {
                if (p instanceof Region r) { // staff's layer keeps the pages' margins
                    taken += r.getInsets().getTop() + r.getInsets().getBottom();
                }
            }
            double tall = window.get() - taken;
            return tall < 120 ? side : Math.min(side, tall);
        }, on.toArray(javafx.beans.Observable[]::new));
        for (byte[] page : vm.documentImages()) {
            pictures.getChildren().add(picture(page, "staff-picture-document", size));
        }
        for (byte[] face : vm.faceImages()) {
            pictures.getChildren().add(picture(face, "staff-picture-face", size));
        }
        return pictures;
    }

    /** The gap between the actions: about one character of the button's text (it grows with large text). */
    private static javafx.beans.binding.DoubleBinding buttonGap(Button b) {
        return javafx.beans.binding.Bindings.createDoubleBinding(() -> b.getFont().getSize(), b.fontProperty());
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
