package jp.kenpo.kiosk.ui.resume;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/** {@code #screen-resumed}: {@code #resumed-greeting}, {@code #resumed-email} (online), {@code #resumed-next}; 次へ. */
public final class ResumedScreen implements StepScreen {

    private final ResumedViewModel vm;
    private final VBox root;

    public ResumedScreen(ResumedViewModel vm, I18n i18n) {
        this.vm = vm;
        root = Ui.page(Step.RESUMED.screenId(), Ui.title(i18n, vm.online() ? "resumed.title" : "resumed.title.offline"));
        root.getChildren().add(line(i18n, vm.greeting(), "resumed-greeting", "lead"));
        if (vm.email() != null) {
            root.getChildren().add(line(i18n, vm.email(), "resumed-email", "note"));
        }
        root.getChildren().add(line(i18n, vm.next(), "resumed-next", "lead"));
    }

    private static Label line(I18n i18n, Message m, String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(Bindings.createStringBinding(() -> MessageLabel.render(i18n, m), i18n.localeProperty()));
        if (style.equals("lead")) {
            Ui.spoken(l, new ReadOnlyObjectWrapper<>(m)); // the greeting and what comes next are read aloud; the address is not
        }
        return l;
    }

    @Override
    public Region view() {
        return root;
    }

    @Override
    public StepViewModel viewModel() {
        return vm;
    }
}
