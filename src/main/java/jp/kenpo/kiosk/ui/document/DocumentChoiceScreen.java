package jp.kenpo.kiosk.ui.document;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.pictures.DocumentPicture;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * One large button per accepted document ({@code #doc-drivers_license}, …), two to a row, each with a
 * drawing of the document's front; a tap chooses and moves on.
 */
public final class DocumentChoiceScreen implements StepScreen {

    private final DocumentChoiceViewModel vm;
    private final VBox root;

    public DocumentChoiceScreen(DocumentChoiceViewModel vm, I18n i18n, Navigator nav) {
        this.vm = vm;
        GridPane choices = new GridPane();
        choices.getStyleClass().add("document-choices");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            choices.getColumnConstraints().add(half);
        }
        int i = 0;
        for (DocumentType t : vm.documents()) {
            Label name = Ui.label(i18n, DocumentChoiceViewModel.nameKey(t), "document-name");
            Label sides = Ui.label(i18n, DocumentChoiceViewModel.sidesKey(t), "note");
            VBox words = new VBox(name, sides);
            words.getStyleClass().add("document-words");
            DocumentPicture picture = new DocumentPicture(i18n, t);
            HBox face = new ButtonFace(picture, words);
            face.getStyleClass().add("document-face");
            Button b = new Button();
            b.setGraphic(face);
            b.setId("doc-" + t.code());
            Ui.name(b, i18n, DocumentChoiceViewModel.nameKey(t), DocumentChoiceViewModel.sidesKey(t));
            b.getStyleClass().add("document-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMaxHeight(Double.MAX_VALUE);
            // The words wrap in the width the button leaves them beside the picture; set after the
            // layout pass that gave the button its width, so that the next pass measures them.
            b.widthProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
                double room = Math.max(0, b.getWidth() - b.snappedLeftInset() - b.snappedRightInset()
                        - picture.prefWidth(-1) - face.getSpacing() - 1);
                name.setPrefWidth(room);
                sides.setPrefWidth(room);
            }));
            b.setOnAction(e -> {
                vm.choose(t);
                nav.next();
            });
            choices.add(b, i % 2, i / 2);
            i++;
        }
        root = Ui.page(Step.DOCUMENT_CHOICE.screenId(), Ui.title(i18n, "document.title"));
        root.getChildren().addAll(Ui.label(i18n, "document.lead", "lead"), choices);
    }

    /**
     * A button's graphic measured at its own preferred width: a button asks its graphic for its height
     * at the button's width less its padding, which is negative while the button itself is measured,
     * and a row of wrapping words asked at a negative width wraps them one word a line.
     */
    private static final class ButtonFace extends HBox {
        ButtonFace(javafx.scene.Node... children) {
            super(children);
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return null;
        }

        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(-1);
        }

        /** Never squeezed below its words: with large text the screen scrolls instead. */
        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(-1);
        }
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
