package jp.kenpo.kiosk.ui.document;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/** One large button per accepted document ({@code #doc-drivers_license}, …); a tap chooses and moves on. */
public final class DocumentChoiceScreen implements StepScreen {

    private final DocumentChoiceViewModel vm;
    private final VBox root;

    public DocumentChoiceScreen(DocumentChoiceViewModel vm, I18n i18n, Navigator nav) {
        this.vm = vm;
        VBox choices = new VBox();
        choices.getStyleClass().add("document-choices");
        for (DocumentType t : vm.documents()) {
            Label name = Ui.label(i18n, DocumentChoiceViewModel.nameKey(t), "document-name");
            Label sides = Ui.label(i18n, DocumentChoiceViewModel.sidesKey(t), "note");
            // Inside a button's graphic a wrapping label asks for the height of a narrow column.
            name.setWrapText(false);
            sides.setWrapText(false);
            Button b = new Button();
            b.setGraphic(new VBox(name, sides));
            b.setId("doc-" + t.code());
            Ui.name(b, i18n, DocumentChoiceViewModel.nameKey(t), DocumentChoiceViewModel.sidesKey(t));
            b.getStyleClass().add("document-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMaxHeight(Region.USE_PREF_SIZE);
            b.setOnAction(e -> {
                vm.choose(t);
                nav.next();
            });
            choices.getChildren().add(b);
        }
        root = Ui.page(Step.DOCUMENT_CHOICE.screenId(), Ui.title(i18n, "document.title"));
        root.getChildren().addAll(Ui.label(i18n, "document.lead", "lead"), choices);
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
