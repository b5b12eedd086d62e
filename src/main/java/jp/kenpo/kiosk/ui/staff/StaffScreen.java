package jp.kenpo.kiosk.ui.staff;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.shell.Navigator;
import jp.kenpo.kiosk.ui.shell.StepScreen;

/** {@code #screen-staff}: staff mode — the kiosk's id, the audit log, lock and exit. */
public final class StaffScreen implements StepScreen {

    private final VBox root;

    public StaffScreen(StaffViewModel vm, I18n i18n, Navigator nav, java.util.concurrent.Executor background,
                       java.util.concurrent.Executor ui) {
        Label id = new Label();
        id.textProperty().bind(i18n.text("staff.kioskId", vm.kioskId()));
        id.getStyleClass().add("lead");
        VBox audit = new VBox();
        audit.getStyleClass().add("audit");
        vm.recentProperty().addListener((obs, was, lines) -> {
            audit.getChildren().clear();
            for (String line : lines) {
                Label l = new Label(line);
                l.getStyleClass().add("audit-line");
                audit.getChildren().add(l);
            }
        });
        vm.load(8, background, ui);
        Button lock = Ui.button(i18n, "staff.lock", AutomationIds.STAFF_LOCK, "primary-action");
        lock.setOnAction(e -> nav.home("staff-locked"));
        Button exit = Ui.button(i18n, "staff.exit", AutomationIds.STAFF_EXIT, "danger-action");
        exit.setOnAction(e -> nav.exitKiosk());
        HBox actions = new HBox(lock, exit);
        actions.getStyleClass().add("row");
        root = Ui.page(AutomationIds.SCREEN_STAFF, Ui.title(i18n, "staff.title"));
        root.getChildren().addAll(id, Ui.label(i18n, "staff.auditTitle", "field-label"), audit, actions);
    }

    @Override
    public Region view() {
        return root;
    }
}
