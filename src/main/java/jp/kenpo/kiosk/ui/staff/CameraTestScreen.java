package jp.kenpo.kiosk.ui.staff;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.camera.CameraReadings;
import jp.kenpo.kiosk.core.port.CameraTest;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.PreviewPane;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.Screen;

/**
 * {@code #screen-staff-camera}: the cameras present ({@code #camera-choice-N}), the one in use
 * ({@code #camera-current}), the card or face analyzer ({@code #camera-test-card}, {@code #camera-test-face})
 * over a live preview with its outline, the readings as numbers ({@code #camera-readings}) and the
 * frame rate ({@code #camera-rate}).
 */
public final class CameraTestScreen implements Screen {

    public static final String SCREEN_ID = "screen-staff-camera";

    private final VBox root;
    private final CameraTestViewModel vm;
    private final PreviewPane preview;

    public CameraTestScreen(CameraTestViewModel vm, I18n i18n, Navigator nav) {
        this.vm = vm;
        Label current = new Label();
        current.setId("camera-current");
        current.getStyleClass().add("lead");
        current.setWrapText(true);
        current.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("staff.camera.current", vm.sourceProperty().get()), vm.sourceProperty(),
                i18n.localeProperty()));
        FlowPane choices = new FlowPane();
        choices.getStyleClass().add("row");
        choices.setId("camera-choices");
        ToggleGroup group = new ToggleGroup();
        vm.camerasProperty().addListener((obs, was, list) -> {
            choices.getChildren().clear();
            group.getToggles().clear();
            int i = 0;
            for (CameraTest.Choice c : list) {
                ToggleButton b = new ToggleButton(c.name());
                b.setId("camera-choice-" + i++);
                b.getStyleClass().add("secondary-action");
                b.setToggleGroup(group);
                b.setSelected(c.source().equals(vm.sourceProperty().get()));
                b.setOnAction(e -> {
                    b.setSelected(true);
                    vm.choose(c.source());
                });
                choices.getChildren().add(b);
            }
        });

        ToggleGroup modes = new ToggleGroup();
        ToggleButton cardMode = new ToggleButton();
        cardMode.textProperty().bind(i18n.text("staff.camera.card"));
        cardMode.setId("camera-test-card");
        cardMode.setToggleGroup(modes);
        cardMode.setSelected(true);
        cardMode.setOnAction(e -> {
            cardMode.setSelected(true);
            vm.analyzeCard(true);
        });
        ToggleButton faceMode = new ToggleButton();
        faceMode.textProperty().bind(i18n.text("staff.camera.face"));
        faceMode.setId("camera-test-face");
        faceMode.setToggleGroup(modes);
        faceMode.setOnAction(e -> {
            faceMode.setSelected(true);
            vm.analyzeCard(false);
        });
        HBox modeRow = new HBox(cardMode, faceMode);
        modeRow.getStyleClass().add("row");

        preview = new PreviewPane(i18n, 640, 360, vm.availableProperty(),
                (g, picture, frame) -> PreviewPane.outline(g, picture, frame));
        Label numbers = new Label();
        numbers.setId("camera-readings");
        numbers.getStyleClass().add("lead");
        numbers.setWrapText(true);
        numbers.textProperty().bind(Bindings.createStringBinding(() -> readings(i18n, vm.readingsProperty().get()),
                vm.readingsProperty(), i18n.localeProperty()));
        Label rate = new Label();
        rate.setId("camera-rate");
        rate.getStyleClass().add("lead");
        rate.textProperty().bind(Bindings.createStringBinding(() -> {
            CameraReadings r = vm.readingsProperty().get();
            return r == null ? "" : i18n.get("staff.camera.rate", f1(r.fps()), f1(r.msPerFrame()));
        }, vm.readingsProperty(), i18n.localeProperty()));
        VBox side = new VBox(modeRow, numbers, rate);
        side.getStyleClass().add("form");
        HBox.setHgrow(side, javafx.scene.layout.Priority.ALWAYS);
        HBox body = new HBox(preview, side);
        body.getStyleClass().add("row");

        Button back = Ui.button(i18n, "staff.back", "staff-back", "primary-action");
        back.setOnAction(e -> nav.staffPage("staff"));
        root = Ui.page(SCREEN_ID, Ui.title(i18n, "staff.camera.title"));
        root.getChildren().addAll(current, choices, new MessageLabel(i18n, vm.messageProperty()), body, back);
        vm.start();
        preview.follow(vm::poll);
    }

    /** The readings as staff read them: the card's or the face's, in numbers. */
    static String readings(I18n i18n, CameraReadings r) {
        if (r == null) {
            return i18n.get("staff.camera.waiting");
        }
        String accept = i18n.get(r.accept() ? "staff.camera.yes" : "staff.camera.no");
        if (r.card()) {
            return i18n.get("staff.camera.cardReadings", i18n.get(r.found() ? "staff.camera.yes" : "staff.camera.no"),
                    f1(r.sharpness()), f2(r.glare()), f1(r.exposure()), f2(r.fill()), f1(r.tilt()), accept,
                    r.reason() == null ? "-" : r.reason());
        }
        return i18n.get("staff.camera.faceReadings", r.faces(), f2(r.faceSize()), r.yaw() + " " + f2(r.yawScore()),
                f2(r.mouthScore()), accept, r.reason() == null ? "-" : r.reason());
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public void dispose() {
        vm.close();
        preview.clear();
    }

    @Override
    public Region view() {
        return root;
    }
}
