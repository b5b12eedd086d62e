package jp.kenpo.kiosk.ui.staff;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Screen;

/**
 * {@code #screen-staff-call}: shown over the member's screen after 「係員を呼ぶ」 — 「係員が参ります。
 * このままお待ちください」. Staff open the PIN pad from here ({@code #staff-open}); the member may go
 * back to their screen ({@code #call-cancel}). Nothing the member entered is touched.
 */
public final class StaffCallScreen implements Screen {

    private final VBox root;

    public StaffCallScreen(I18n i18n, Runnable onStaff, Runnable onBack) {
        Button staff = Ui.button(i18n, "staffCall.staff", AutomationIds.STAFF_OPEN, "secondary-action");
        staff.setOnAction(e -> onStaff.run());
        Button back = Ui.button(i18n, "staffCall.back", AutomationIds.CALL_CANCEL, "secondary-action");
        back.setOnAction(e -> onBack.run());
        HBox buttons = new HBox(back, Ui.grow(), staff);
        buttons.getStyleClass().add("row");
        root = Ui.page(AutomationIds.SCREEN_STAFF_CALL, Ui.title(i18n, "staffCall.title"));
        root.getStyleClass().add("staff-call");
        root.setAlignment(Pos.TOP_CENTER);
        root.getChildren().addAll(Ui.label(i18n, "staffCall.lead", "lead", "staff-call-lead"),
                Ui.label(i18n, "staffCall.explain", "hint", Ui.SPOKEN_HINT), Ui.grow(), buttons);
        root.getChildren().add(0, Ui.grow()); // the words in the middle of the screen, the buttons below
    }

    @Override
    public Region view() {
        return root;
    }
}
