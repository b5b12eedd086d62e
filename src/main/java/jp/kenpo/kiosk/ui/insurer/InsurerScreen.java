package jp.kenpo.kiosk.ui.insurer;

import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.member.CardPattern;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Fields;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.keyboard.KeyboardKind;
import jp.kenpo.kiosk.ui.keyboard.Keyboards;
import jp.kenpo.kiosk.ui.pictures.CardPicture;
import jp.kenpo.kiosk.ui.step.FormScreen;

/** The insurer-number screen: the field, where the number is on the card (said and drawn), a number pad. */
public final class InsurerScreen extends FormScreen {

    private final VBox root;

    public InsurerScreen(InsurerViewModel vm, I18n i18n, double keyPx) {
        super(vm);
        TextField field = Ui.name(new TextField(), i18n, "insurer.label");
        field.setId(AutomationIds.INSURER_NUMBER);
        field.getStyleClass().add("big-field");
        field.textProperty().bindBidirectional(vm.numberProperty());
        field.promptTextProperty().bind(i18n.text("insurer.prompt"));
        field.setPrefColumnCount(13); // room for its example 「例：01130012」 / "e.g. 01130012" in full
        field.setMaxWidth(Region.USE_PREF_SIZE);

        // The union is not known yet: the card is drawn in the commonest pattern (記号 and 番号 apart);
        // 保険者番号 sits in the same place on every pattern.
        CardPicture card = new CardPicture(i18n, CardPattern.SYMBOL_AND_NUMBER, true,
                new SimpleObjectProperty<>(CardPicture.Spot.INSURER_NUMBER));
        card.filling().align(HPos.LEFT);
        // never under 144 px at the normal size (its marked spot and arrow plain), and 96 px with large
        // text, where the words and a message take the room rather than push it below the screen
        card.getStyleClass().add("insurer-card");
        // The picture beside the sentence that says where the number is, not under it: it takes half
        // the width and all the height left below the field (and a message), so it is drawn as large
        // as the screen allows at every text size instead of in the strip left under a wrapped sentence.
        Label words = Ui.label(i18n, "insurer.where", "note");
        HBox where = new HBox(words, card);
        where.getStyleClass().add("insurer-where");
        words.prefWidthProperty().bind(where.widthProperty().subtract(where.spacingProperty()).divide(2));
        words.setMinWidth(0);
        HBox.setHgrow(card, Priority.ALWAYS);
        VBox.setVgrow(where, Priority.ALWAYS);
        VBox left = new VBox(Ui.label(i18n, "insurer.label", "field-label"), field,
                new MessageLabel(i18n, vm.messageProperty()), where);
        left.getStyleClass().add("form");
        field.setTextFormatter(Fields.limit(8));
        Keyboards keyboards = new Keyboards(i18n, keyPx);
        keyboards.attach(field, KeyboardKind.NUMERIC);
        HBox body = new HBox(left, keyboards.view());
        body.getStyleClass().add("form-with-keypad");
        body.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(left, Priority.ALWAYS);

        root = Ui.page(Step.INSURER.screenId(), Ui.title(i18n, "insurer.title"));
        VBox.setVgrow(body, Priority.ALWAYS); // the card picture takes the height left
        root.getChildren().addAll(Ui.label(i18n, "insurer.lead", "lead"), body);
    }

    @Override
    protected Region root() {
        return root;
    }


}
