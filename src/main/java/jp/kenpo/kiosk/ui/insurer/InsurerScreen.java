package jp.kenpo.kiosk.ui.insurer;

import javafx.geometry.Pos;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
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
import jp.kenpo.kiosk.ui.step.FormScreen;

/** The insurer-number screen: where the number is on the card, the field, a number pad. */
public final class InsurerScreen extends FormScreen {

    private final VBox root;

    public InsurerScreen(InsurerViewModel vm, I18n i18n, double keyPx) {
        super(vm);
        TextField field = Ui.name(new TextField(), i18n, "insurer.label");
        field.setId(AutomationIds.INSURER_NUMBER);
        field.getStyleClass().add("big-field");
        field.textProperty().bindBidirectional(vm.numberProperty());
        field.promptTextProperty().bind(i18n.text("insurer.prompt"));
        field.setPrefColumnCount(9);
        field.setMaxWidth(Region.USE_PREF_SIZE);

        VBox left = new VBox(Ui.label(i18n, "insurer.label", "field-label"), field,
                new MessageLabel(i18n, vm.messageProperty()), Ui.label(i18n, "insurer.where", "note"));
        left.getStyleClass().add("form");
        field.setTextFormatter(Fields.limit(8));
        Keyboards keyboards = new Keyboards(i18n, keyPx);
        keyboards.attach(field, KeyboardKind.NUMERIC);
        HBox body = new HBox(left, keyboards.view());
        body.getStyleClass().add("form-with-keypad");
        body.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(left, javafx.scene.layout.Priority.ALWAYS);

        root = Ui.page(Step.INSURER.screenId(), Ui.title(i18n, "insurer.title"));
        root.getChildren().addAll(Ui.label(i18n, "insurer.lead", "lead"), body);
    }

    @Override
    protected Region root() {
        return root;
    }


}
