package jp.kenpo.kiosk.ui.basicinfo;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/** The summary before the roster check; 次へ reads 「この内容で本人確認する」. */
public final class BasicConfirmScreen implements StepScreen {

    private final BasicConfirmViewModel vm;
    private final VBox root;

    public BasicConfirmScreen(BasicConfirmViewModel vm, I18n i18n) {
        this.vm = vm;
        GridPane grid = summary(i18n, vm.rows());
        root = Ui.page(Step.BASIC_CONFIRM.screenId(), Ui.title(i18n, "basicConfirm.title"));
        root.getChildren().addAll(Ui.label(i18n, "basicConfirm.lead", "lead"), grid);
    }

    /** A two-column summary: the label, and the value (id {@code confirm-<name>}) in the member's language. */
    public static GridPane summary(I18n i18n, java.util.List<BasicConfirmViewModel.Row> rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("summary");
        // The names keep their width; the values take the rest and wrap when it is short.
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        grid.getColumnConstraints().addAll(names, values);
        int r = 0;
        for (BasicConfirmViewModel.Row row : rows) {
            Label key = Ui.label(i18n, row.labelKey(), "summary-key");
            Label value = new Label();
            value.getStyleClass().add("summary-value");
            value.setWrapText(true);
            value.setMinWidth(0);
            value.setMinHeight(Region.USE_PREF_SIZE);
            value.setId("confirm-" + row.labelKey().substring(row.labelKey().indexOf('.') + 1));
            value.textProperty().bind(Bindings.createStringBinding(() -> MessageLabel.render(i18n, row.value()),
                    i18n.localeProperty()));
            grid.addRow(r++, key, value);
        }
        return grid;
    }

    @Override
    public Region view() {
        return root;
    }

    @Override
    public String nextKey() {
        return "basicConfirm.submit";
    }

    @Override
    public StepViewModel viewModel() {
        return vm;
    }
}
