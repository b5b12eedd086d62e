package jp.kenpo.kiosk.ui.document;

import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/** The question about the back: {@code #remarks-yes} / {@code #remarks-no}; the answer moves on. */
public final class RemarksScreen implements StepScreen {

    private final RemarksViewModel vm;
    private final VBox root;

    public RemarksScreen(RemarksViewModel vm, I18n i18n, Navigator nav) {
        this.vm = vm;
        Button yes = Ui.button(i18n, "remarks.yes", "remarks-yes", "choice-big");
        yes.setOnAction(e -> {
            vm.answer(true);
            nav.next();
        });
        Button no = Ui.button(i18n, "remarks.no", "remarks-no", "choice-big");
        no.setOnAction(e -> {
            vm.answer(false);
            nav.next();
        });
        HBox answers = new HBox(yes, no);
        answers.getStyleClass().add("row");
        root = Ui.page(Step.DOCUMENT_BACK_QUESTION.screenId(), Ui.title(i18n, "remarks.title"));
        root.getChildren().addAll(Ui.label(i18n, vm.questionKey(), "lead"), answers);
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
