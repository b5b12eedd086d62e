package jp.kenpo.kiosk.ui.secret;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Fields;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.keyboard.KeyboardKind;
import jp.kenpo.kiosk.ui.keyboard.Keyboards;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * {@code #screen-secret-question}: the questions ({@code #secretQuestion-…}, the member's own first,
 * recommended), {@code #secretQuestionCustom}, {@code #secretAnswer}, with the katakana or the
 * alphanumeric keyboard. Where the keyboard leaves the questions too narrow a column (large text), they
 * fold to the chosen one beside 「選び直す」 ({@code #secretQuestion-change}), which lists them again.
 * 次へ hashes the answer in the background and moves on.
 */
public final class SecretQuestionScreen implements StepScreen {

    /**
     * The narrowest column of questions, in letters of the screen's text, before they fold to the one
     * chosen: under 9, a question such as 「子どものころ好きだった食べ物は？」 or "Favourite food as a
     * child?" breaks into three or more lines and the five no longer leave room for the answer.
     */
    static final double FOLD_EMS = 9;
    private static final double QUESTION_GAP = 6;

    private final SecretQuestionViewModel vm;
    private final VBox root;
    /** Folded questions listed again by the member, in place of the fields, until one is chosen. */
    private final javafx.beans.property.BooleanProperty listing = new javafx.beans.property.SimpleBooleanProperty();

    public SecretQuestionScreen(SecretQuestionViewModel vm, I18n i18n, double keyPx) {
        this.vm = vm;
        Keyboards keyboards = new Keyboards(i18n, keyPx);

        ToggleGroup group = new ToggleGroup();
        // two columns of questions: five one under another would push the answer below the screen's edge
        jp.kenpo.kiosk.ui.common.Columns questions = new jp.kenpo.kiosk.ui.common.Columns(2, QUESTION_GAP, 6);
        questions.setId(AutomationIds.SECRET_QUESTION);
        List<String> keys = new java.util.ArrayList<>();
        keys.add(SecretQuestionViewModel.CUSTOM);
        keys.addAll(SecretQuestionViewModel.PRESETS);
        for (String key : keys) {
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(i18n.text(key));
            b.setId(AutomationIds.SECRET_QUESTION + "-" + key.substring(key.lastIndexOf('.') + 1));
            b.getStyleClass().add("choice-small");
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMaxHeight(Double.MAX_VALUE);
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setToggleGroup(group);
            b.setSelected(key.equals(vm.choiceProperty().get()));
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true); // one is always chosen
                }
                vm.choiceProperty().set(key);
                listing.set(false);
            });
            questions.getChildren().add(b);
        }

        TextField custom = Ui.name(new TextField(), i18n, "secret.customLabel");
        custom.setId(AutomationIds.SECRET_QUESTION_CUSTOM);
        custom.getStyleClass().add("mid-field");
        custom.setTextFormatter(Fields.limit(SecretQuestionViewModel.MAX_QUESTION));
        custom.textProperty().bindBidirectional(vm.customQuestionProperty());
        VBox customBox = new VBox(Ui.label(i18n, "secret.customLabel", "field-label"), custom);
        customBox.getStyleClass().add("field-box");
        customBox.visibleProperty().bind(vm.choiceProperty().isEqualTo(SecretQuestionViewModel.CUSTOM));
        customBox.managedProperty().bind(customBox.visibleProperty());

        TextField answer = Ui.name(new TextField(), i18n, "secret.answerLabel");
        answer.setId(AutomationIds.SECRET_ANSWER);
        answer.getStyleClass().add("mid-field");
        answer.setTextFormatter(Fields.limit(SecretQuestionViewModel.MAX_ANSWER));
        answer.textProperty().bindBidirectional(vm.answerProperty());
        VBox answerBox = new VBox(Ui.label(i18n, "secret.answerLabel", "field-label"), answer);
        answerBox.getStyleClass().add("field-box");

        keyboards.attach(custom, KeyboardKind.KANA);
        keyboards.attach(answer, KeyboardKind.KANA);
        ToggleGroup kinds = new ToggleGroup();
        ToggleButton kana = kindButton(i18n, "secret.keyboard.kana", "keyboard-kana", kinds);
        ToggleButton alnum = kindButton(i18n, "secret.keyboard.alphanumeric", "keyboard-alphanumeric", kinds);
        kana.setSelected(true);
        kana.setOnAction(e -> {
            kana.setSelected(true);
            keyboards.show(KeyboardKind.KANA);
        });
        alnum.setOnAction(e -> {
            alnum.setSelected(true);
            keyboards.show(KeyboardKind.ALPHANUMERIC);
        });
        HBox kindRow = new HBox(kana, alnum);
        kindRow.getStyleClass().add("row-tight");

        // Folded: the chosen question in words, and a button that lists the questions again in place of
        // the fields; a question chosen folds the list back.
        Label chosen = new Label();
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get(vm.choiceProperty().get()), vm.choiceProperty(), i18n.localeProperty()));
        chosen.getStyleClass().add("chosen-question");
        chosen.setWrapText(true);
        chosen.setMinHeight(Region.USE_PREF_SIZE);
        chosen.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Button change = Ui.button(i18n, "secret.change", AutomationIds.SECRET_QUESTION + "-change",
                "choice-small");
        change.setMinWidth(Region.USE_PREF_SIZE);
        change.setOnAction(e -> listing.set(true));
        // the question over the button: beside it, the question's longest words would break
        VBox foldedRow = new VBox(chosen, change);
        foldedRow.getStyleClass().add("field-box");

        MessageLabel message = new MessageLabel(i18n, vm.messageProperty());
        VBox left = new VBox(questions, customBox, answerBox, message);
        left.getStyleClass().add("form");
        HBox.setHgrow(left, Priority.ALWAYS);
        // The notes wrap within the keyboard's width; the questions get the rest of the screen.
        javafx.scene.control.Label hint = Ui.label(i18n, "secret.answerHint", "note");
        Region keyboard = (Region) keyboards.view();
        hint.maxWidthProperty().bind(keyboard.widthProperty());
        VBox right = new VBox(kindRow, keyboards.view(), hint);
        right.setMinWidth(Region.USE_PREF_SIZE);
        right.getStyleClass().add("form");
        // Where the keyboard leaves the questions too narrow a column (large text, a dense screen), they
        // fold to the chosen one, and the choice of keyboard moves beside the fields: listed in full,
        // the questions would push the answer, and the keyboard's choice its last row, below the screen.
        HBox body = new HBox(left, right) {
            @Override
            protected void layoutChildren() {
                double em = hint.getFont().getSize(); // shown in every arrangement, so styled
                double column = (left.getWidth() - QUESTION_GAP) / 2;
                fold(left.getWidth() > 0 && column < FOLD_EMS * em);
                super.layoutChildren();
            }

            private void fold(boolean yes) {
                List<javafx.scene.Node> onLeft = !yes ? List.of(questions, customBox, answerBox, message)
                        : listing.get() ? List.of(questions, message)
                        : List.of(foldedRow, kindRow, customBox, answerBox, message);
                List<javafx.scene.Node> onRight = yes ? List.of(keyboard, hint) : List.of(kindRow, keyboard, hint);
                if (!left.getChildren().equals(onLeft)) {
                    left.getChildren().setAll(onLeft);
                }
                if (!right.getChildren().equals(onRight)) {
                    right.getChildren().setAll(onRight);
                }
            }
        };
        listing.addListener(o -> body.requestLayout());
        body.getStyleClass().add("form-with-keypad");
        root = Ui.page(Step.SECRET_QUESTION.screenId(), Ui.title(i18n, "secret.title"));
        root.getChildren().add(body);
    }

    private static ToggleButton kindButton(I18n i18n, String key, String id, ToggleGroup group) {
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(i18n.text(key));
        b.setId(id);
        b.getStyleClass().add("choice-small");
        b.setFocusTraversable(false);
        b.setToggleGroup(group);
        return b;
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
