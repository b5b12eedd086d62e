package jp.kenpo.kiosk.ui.card;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.member.CardPattern;
import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Fields;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.keyboard.KeyboardKind;
import jp.kenpo.kiosk.ui.keyboard.Keyboards;
import jp.kenpo.kiosk.ui.pictures.CardPicture;
import jp.kenpo.kiosk.ui.step.FormScreen;

/**
 * The 記号・番号 screen, laid out for the union's card pattern, with a number pad; beside the fields a
 * picture of the card marks where the field the member is at is printed.
 */
public final class CardScreen extends FormScreen {

    private final CardViewModel vm;
    private final VBox root;

    public CardScreen(CardViewModel vm, I18n i18n, double keyPx) {
        super(vm);
        this.vm = vm;
        Keyboards keyboards = new Keyboards(i18n, keyPx);

        ToggleGroup typeGroup = new ToggleGroup();
        ToggleButton insured = toggle(i18n, "card.insured", "memberType-insured", MemberType.INSURED, typeGroup);
        ToggleButton dependent = toggle(i18n, "card.dependent", "memberType-dependent", MemberType.DEPENDENT, typeGroup);
        typeGroup.selectToggle(vm.memberTypeProperty().get() == MemberType.DEPENDENT ? dependent
                : vm.memberTypeProperty().get() == MemberType.INSURED ? insured : null);
        typeGroup.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                typeGroup.selectToggle(was); // one of the two stays chosen
            } else {
                vm.memberTypeProperty().set((MemberType) now.getUserData());
            }
        });
        // two equal columns, each as tall as its words at the column's width: in a row of their own
        // widths a choice squeezed narrower wraps onto a second line its row has no height for
        jp.kenpo.kiosk.ui.common.Columns types = new jp.kenpo.kiosk.ui.common.Columns(2, 16, 8, insured, dependent);

        VBox form = new VBox(Ui.label(i18n, "card.whoLabel", "field-label"), types);
        form.getStyleClass().add("form");

        HBox symbolRow = new HBox();
        symbolRow.getStyleClass().add("row");
        CardPattern p = vm.pattern();
        if (p == CardPattern.SYMBOL_AND_NUMBER) {
            symbolRow.getChildren().add(field(i18n, "card.symbol", "cardSymbol", vm.symbolProperty(), 10, keyboards,
                    InsuranceCard.Field.SYMBOL));
        } else if (p == CardPattern.SYMBOL_SPLIT_AND_NUMBER) {
            Label dash = new Label("－");
            dash.getStyleClass().add("field-dash");
            symbolRow.getChildren().addAll(
                    field(i18n, "card.symbolFront", "cardSymbolFront", vm.symbolFrontProperty(), 6, keyboards,
                            InsuranceCard.Field.SYMBOL_FRONT),
                    dash,
                    field(i18n, "card.symbolBack", "cardSymbolBack", vm.symbolBackProperty(), 6, keyboards,
                            InsuranceCard.Field.SYMBOL_BACK));
            symbolRow.setAlignment(Pos.BOTTOM_LEFT);
        }
        HBox numberRow = new HBox(field(i18n, "card.number", "cardNumber", vm.numberProperty(), 12, keyboards,
                InsuranceCard.Field.NUMBER));
        numberRow.getStyleClass().add("row");
        if (vm.usesBranch()) {
            numberRow.getChildren().add(field(i18n, "card.branch", "cardBranch", vm.branchProperty(), 2, keyboards,
                    InsuranceCard.Field.BRANCH));
        }
        // 記号, 番号 and 枝番 side by side, as printed on the card: the screen fits without scrolling at large type
        symbolRow.getChildren().addAll(numberRow.getChildren());
        symbolRow.setAlignment(Pos.BOTTOM_LEFT);
        // below them, in the room left, the card with the field the member is at marked on it
        CardPicture picture = new CardPicture(i18n, p, vm.usesBranch(), Bindings.createObjectBinding(
                () -> CardPicture.Spot.of(vm.askedFieldProperty().get()), vm.askedFieldProperty()));
        picture.filling().align(javafx.geometry.HPos.LEFT);
        VBox.setVgrow(picture, Priority.ALWAYS);
        form.getChildren().addAll(symbolRow, new MessageLabel(i18n, vm.messageProperty()),
                Ui.label(i18n, p == CardPattern.NUMBER_WITH_HYPHEN ? "card.hintHyphen" : "card.hint", "note"), picture);

        HBox body = new HBox(form, keyboards.view());
        body.getStyleClass().add("form-with-keypad");
        HBox.setHgrow(form, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS); // the room under the fields holds the card's picture
        root = Ui.page(Step.CARD.screenId(), Ui.title(i18n, "card.title"));
        root.getChildren().addAll(Ui.label(i18n, "card.lead", "lead"), body);
    }

    private static ToggleButton toggle(I18n i18n, String key, String id, MemberType type, ToggleGroup group) {
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(i18n.text(key));
        b.setId(id);
        b.setUserData(type);
        b.setToggleGroup(group);
        b.getStyleClass().addAll("choice");
        b.setFocusTraversable(false);
        // at large text 「Family (dependent)」 takes two lines rather than being cut short
        b.setWrapText(true);
        b.setMinHeight(Region.USE_PREF_SIZE);
        return b;
    }

    private VBox field(I18n i18n, String labelKey, String id, javafx.beans.property.StringProperty value, int max,
                       Keyboards keyboards, InsuranceCard.Field which) {
        TextField f = Ui.name(new TextField(), i18n, labelKey);
        f.setId(id);
        f.getStyleClass().add("big-field");
        f.setTextFormatter(Fields.limit(max + 2));
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(Math.max(3, Math.min(max, 9)));
        f.setMaxWidth(Region.USE_PREF_SIZE);
        f.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                vm.ask(which);
            }
        });
        vm.wrongFieldProperty().addListener((obs, was, now) -> {
            f.getStyleClass().remove("field-wrong");
            if (now == which) {
                f.getStyleClass().add("field-wrong");
            }
        });
        keyboards.attach(f, KeyboardKind.NUMERIC);
        VBox box = new VBox(Ui.label(i18n, labelKey, "field-label"), f);
        box.getStyleClass().add("field-box");
        return box;
    }

    @Override
    protected Region root() {
        return root;
    }


}
