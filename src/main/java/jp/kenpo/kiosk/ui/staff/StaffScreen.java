package jp.kenpo.kiosk.ui.staff;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.Screen;

/**
 * {@code #screen-staff}: staff mode — the kiosk's id, what waits for the central service (and why a
 * registration needs staff), the audit log, lock and exit.
 */
public final class StaffScreen implements Screen {

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
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                audit.getChildren().add(l);
            }
        });
        Label queueCounts = new Label();
        queueCounts.setId("staff-queue");
        queueCounts.getStyleClass().add("lead");
        queueCounts.textProperty().bind(i18n.text("staff.queue.loading"));
        VBox attention = new VBox();
        attention.getStyleClass().add("audit");
        Label rosterAge = new Label();
        rosterAge.setId("staff-roster-age");
        Label contact = new Label();
        contact.setId("staff-last-contact");
        for (Label l : java.util.List.of(queueCounts, rosterAge, contact)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        vm.queueProperty().addListener((obs, was, q) -> {
            if (q == null) {
                return;
            }
            queueCounts.textProperty().bind(i18n.text("staff.queue.counts", q.waiting(), q.needsAttention()));
            contact.textProperty().bind(q.lastContact() == null ? i18n.text("staff.queue.noContact")
                    : i18n.text("staff.queue.lastContact", q.lastContact()));
            rosterAge.textProperty().bind(q.rosterPulledAt() == null ? i18n.text("staff.roster.never")
                    : i18n.text("staff.roster.pulledAt", q.rosterPulledAt()));
            attention.getChildren().clear();
            for (StaffViewModel.Attention a : q.attention()) {
                Label l = new Label();
                l.textProperty().bind(javafx.beans.binding.Bindings.concat(a.receiptNumber(), "  ", i18n.text(a.reasonKey()),
                        "  (", a.detail(), ")"));
                l.setWrapText(true);
                l.getStyleClass().add("attention-line");
                attention.getChildren().add(l);
            }
        });
        vm.load(8, background, ui);
        Button sendNow = Ui.button(i18n, "staff.queue.sendNow", "staff-send-now", "secondary-action");
        sendNow.disableProperty().bind(vm.sendingProperty());
        sendNow.setOnAction(e -> vm.sendNow(background, ui));
        Button pullRoster = Ui.button(i18n, "staff.roster.pull", "staff-roster-pull", "secondary-action");
        pullRoster.disableProperty().bind(vm.sendingProperty());
        pullRoster.setOnAction(e -> vm.pullRoster(background, ui));
        HBox rosterRow = new HBox(rosterAge, pullRoster);
        rosterRow.getStyleClass().add("row");
        rosterRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Button lock = Ui.button(i18n, "staff.lock", AutomationIds.STAFF_LOCK, "primary-action");
        lock.setOnAction(e -> nav.home("staff-locked"));
        Button exit = Ui.button(i18n, "staff.exit", AutomationIds.STAFF_EXIT, "danger-action");
        exit.setOnAction(e -> nav.exitKiosk());
        HBox actions = new HBox(lock, exit);
        actions.getStyleClass().add("row");
        root = Ui.page(AutomationIds.SCREEN_STAFF, Ui.title(i18n, "staff.title"));
        HBox queueRow = new HBox(queueCounts, sendNow);
        queueRow.getStyleClass().add("row");
        queueRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // The link to the central service on the left, the audit log on the right.
        VBox central = new VBox(Ui.label(i18n, "staff.queueTitle", "field-label"), queueRow, contact, attention,
                Ui.label(i18n, "staff.rosterTitle", "field-label"), rosterRow,
                new jp.kenpo.kiosk.ui.common.MessageLabel(i18n, vm.rosterMessageProperty()));
        central.getStyleClass().add("form");
        HBox.setHgrow(central, javafx.scene.layout.Priority.ALWAYS);
        VBox log = new VBox(Ui.label(i18n, "staff.auditTitle", "field-label"), audit);
        log.getStyleClass().add("form");
        HBox.setHgrow(log, javafx.scene.layout.Priority.ALWAYS);
        HBox columns = new HBox(central, log);
        columns.getStyleClass().add("row");
        // The staff pages, one button each: the camera test, refused registrations, today's counts.
        HBox pages = new HBox(page(i18n, nav, "staff.page.camera", "staff-camera-test", "camera"),
                page(i18n, nav, "staff.page.refused", "staff-refused", "refused"),
                page(i18n, nav, "staff.page.counts", "staff-counts", "counts"));
        pages.getStyleClass().add("row");
        root.getChildren().addAll(id, columns, pages, actions);
    }

    private static Button page(I18n i18n, Navigator nav, String key, String id, String page) {
        Button b = Ui.button(i18n, key, id, "secondary-action");
        b.setOnAction(e -> nav.staffPage(page));
        return b;
    }

    @Override
    public Region view() {
        return root;
    }
}
