package jp.kenpo.kiosk.ui.staff;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.keyboard.KeyboardKind;
import jp.kenpo.kiosk.ui.keyboard.Keyboards;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.Screen;

/** {@code #screen-staff-pin}: the PIN pad that unlocks staff mode. */
public final class StaffPinScreen implements Screen {

    private final VBox root;

    public StaffPinScreen(StaffPinViewModel vm, I18n i18n, Navigator nav, double keyPx) {
        this(vm, i18n, nav, keyPx, () -> nav.home("staff-pin-cancelled"));
    }

    /** The pad with its own 戻る: over a member's session it goes back to the member, not home. */
    public StaffPinScreen(StaffPinViewModel vm, I18n i18n, Navigator nav, double keyPx, Runnable onCancel) {
        PasswordField pin = Ui.name(new PasswordField(), i18n, "staff.pin.label");
        pin.setId(AutomationIds.PIN);
        pin.getStyleClass().add("big-field");
        pin.textProperty().bindBidirectional(vm.pinProperty());
        pin.setPrefColumnCount(8);
        pin.setMaxWidth(Region.USE_PREF_SIZE);

        MessageLabel message = new MessageLabel(i18n, vm.messageProperty());

        Button ok = Ui.button(i18n, "staff.pin.ok", AutomationIds.PIN_OK, "primary-action");
        ok.disableProperty().bind(vm.canSubmit().not());
        ok.setOnAction(e -> vm.submit(nav::staffUnlocked));
        pin.setOnAction(e -> vm.submit(nav::staffUnlocked));
        Button cancel = Ui.button(i18n, "staff.pin.cancel", AutomationIds.PIN_CANCEL, "secondary-action");
        cancel.setOnAction(e -> onCancel.run());

        VBox form = new VBox(Ui.label(i18n, "staff.pin.label", "field-label"), pin, message, new HBox(cancel, ok));
        form.getStyleClass().add("form");
        ((HBox) form.getChildren().get(3)).getStyleClass().add("row");
        Keyboards keyboards = new Keyboards(i18n, keyPx);
        keyboards.attach(pin, KeyboardKind.NUMERIC);
        HBox body = new HBox(form, keyboards.view());
        body.getStyleClass().add("form-with-keypad");
        body.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(form, javafx.scene.layout.Priority.ALWAYS);
        root = Ui.page(AutomationIds.SCREEN_STAFF_PIN, Ui.title(i18n, "staff.pin.title"));
        root.getChildren().add(body);
    }

    @Override
    public Region view() {
        return root;
    }
}
