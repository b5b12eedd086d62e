package jp.kenpo.kiosk.ui.staff;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.Screen;

/**
 * {@code #screen-staff-refused}: the queue (waiting, being sent, sent today, needing staff) and each
 * refused registration — receipt number, time, tries, the reason in plain words — with
 * 「再送する」 ({@code #refused-resend-<receipt>}) and 「削除する」 ({@code #refused-delete-<receipt>},
 * confirmed in {@code #refused-confirm}).
 */
public final class RefusedScreen implements Screen {

    public static final String SCREEN_ID = "screen-staff-refused";

    private final VBox root;

    public RefusedScreen(RefusedViewModel vm, I18n i18n, Navigator nav) {
        Label counts = new Label();
        counts.setId("refused-counts");
        counts.getStyleClass().add("lead");
        counts.setWrapText(true);
        counts.textProperty().bind(i18n.text("staff.queue.loading"));
        vm.countsProperty().addListener((obs, was, c) -> {
            if (c != null) {
                counts.textProperty().bind(i18n.text("staff.refused.counts", c.waiting(), c.sending(), c.sentToday(),
                        c.needsAttention()));
            }
        });

        VBox list = new VBox();
        list.setId("refused-list");
        list.getStyleClass().add("audit");
        Label none = Ui.label(i18n, "staff.refused.none", "lead");
        vm.rowsProperty().addListener((obs, was, rows) -> {
            list.getChildren().clear();
            if (rows.isEmpty()) {
                list.getChildren().add(none);
            }
            for (RefusedViewModel.Row r : rows) {
                list.getChildren().add(row(vm, i18n, r));
            }
        });

        Label question = new Label();
        question.setWrapText(true);
        question.getStyleClass().add("lead");
        question.textProperty().bind(Bindings.createStringBinding(
                () -> vm.confirmingProperty().get() == null ? ""
                        : i18n.get("staff.refused.confirm", vm.confirmingProperty().get()),
                vm.confirmingProperty(), i18n.localeProperty()));
        Button yes = Ui.button(i18n, "staff.refused.delete", "refused-erase-confirm", "danger-action");
        yes.setOnAction(e -> vm.confirmErase());
        Button no = Ui.button(i18n, "staff.refused.keep", "refused-erase-cancel", "secondary-action");
        no.setOnAction(e -> vm.cancelErase());
        HBox answers = new HBox(no, yes);
        answers.getStyleClass().add("row");
        VBox confirm = new VBox(question, answers);
        confirm.setId("refused-confirm");
        confirm.getStyleClass().add("form");
        confirm.visibleProperty().bind(vm.confirmingProperty().isNotNull());
        confirm.managedProperty().bind(confirm.visibleProperty());

        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button back = Ui.button(i18n, "staff.back", "staff-back", "primary-action");
        back.setOnAction(e -> nav.staffPage("staff"));
        root = Ui.page(SCREEN_ID, Ui.title(i18n, "staff.refused.title"));
        root.getChildren().addAll(counts, confirm, new MessageLabel(i18n, vm.messageProperty()), scroll, back);
        vm.load();
    }

    private static HBox row(RefusedViewModel vm, I18n i18n, RefusedViewModel.Row r) {
        Label what = new Label();
        what.setWrapText(true);
        what.getStyleClass().add("attention-line");
        what.textProperty().bind(Bindings.concat(
                i18n.text("staff.refused.row", r.receiptNumber(), r.createdAt(), r.attempts()), "\n",
                i18n.text(r.reasonKey()), r.detail() == null ? "" : "  (" + r.detail() + ")"));
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        Button resend = Ui.button(i18n, "staff.refused.resend", "refused-resend-" + r.receiptNumber(),
                "secondary-action");
        resend.disableProperty().bind(vm.busyProperty());
        resend.setOnAction(e -> vm.resend(r.receiptNumber()));
        Button delete = Ui.button(i18n, "staff.refused.delete", "refused-delete-" + r.receiptNumber(),
                "danger-action");
        delete.disableProperty().bind(vm.busyProperty());
        delete.setOnAction(e -> vm.askErase(r.receiptNumber()));
        HBox row = new HBox(what, resend, delete);
        row.setId("refused-" + r.receiptNumber());
        row.getStyleClass().add("row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    @Override
    public Region view() {
        return root;
    }
}
