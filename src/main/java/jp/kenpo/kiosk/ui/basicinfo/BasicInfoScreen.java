package jp.kenpo.kiosk.ui.basicinfo;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.basicinfo.BasicInfoViewModel.Calendar;
import jp.kenpo.kiosk.ui.common.Fields;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.keyboard.KeyboardKind;
import jp.kenpo.kiosk.ui.keyboard.Keyboards;
import jp.kenpo.kiosk.ui.step.FormScreen;

/** Name (katakana keyboard) and birthdate (era buttons, number pad). */
public final class BasicInfoScreen extends FormScreen {

    private final VBox root;

    public BasicInfoScreen(BasicInfoViewModel vm, I18n i18n, double keyPx) {
        super(vm);
        Keyboards keyboards = new Keyboards(i18n, keyPx);

        TextField name = Ui.name(new TextField(), i18n, "basic.nameLabel");
        name.setId("kanaName");
        name.getStyleClass().add("big-field");
        name.setTextFormatter(Fields.limit(30));
        name.textProperty().bindBidirectional(vm.kanaNameProperty());
        name.promptTextProperty().bind(i18n.text("basic.namePrompt"));
        name.setPrefColumnCount(12);
        keyboards.attach(name, KeyboardKind.KANA);

        ToggleGroup eras = new ToggleGroup();
        FlowPane eraRow = new FlowPane();
        eraRow.setId("birthEra");
        eraRow.getStyleClass().add("choices");
        for (Calendar c : Calendar.values()) {
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(i18n.text(c.messageKey()));
            b.setId("birthEra-" + c.name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(c);
            b.setToggleGroup(eras);
            b.getStyleClass().add("choice");
            b.setFocusTraversable(false);
            if (c == vm.calendarProperty().get()) {
                eras.selectToggle(b);
            }
            eraRow.getChildren().add(b);
        }
        eras.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                eras.selectToggle(was);
            } else {
                vm.calendarProperty().set((Calendar) now.getUserData());
            }
        });

        // year, month and day wrap onto a second line at large text rather than shrinking their fields
        FlowPane date = new FlowPane(
                part(i18n, "birthYear", vm.yearProperty(), 4, "basic.year", keyboards),
                part(i18n, "birthMonth", vm.monthProperty(), 2, "basic.month", keyboards),
                part(i18n, "birthDay", vm.dayProperty(), 2, "basic.day", keyboards));
        date.setHgap(16);
        date.setVgap(8);

        VBox form = new VBox(
                Ui.label(i18n, "basic.nameLabel", "field-label"), name,
                Ui.label(i18n, "basic.birthLabel", "field-label"), eraRow, date,
                new MessageLabel(i18n, vm.messageProperty()),
                Ui.label(i18n, "basic.hint", "note"));
        form.getStyleClass().add("form");
        HBox body = new HBox(form, keyboards.view());
        body.getStyleClass().add("form-with-keypad");
        HBox.setHgrow(form, Priority.ALWAYS);
        root = Ui.page(Step.BASIC_INFO.screenId(), Ui.title(i18n, "basic.title"));
        root.getChildren().add(body);
    }

    private static HBox part(I18n i18n, String id, StringProperty value, int max, String unitKey, Keyboards k) {
        TextField f = Ui.name(new TextField(), i18n, "basic.birthLabel", unitKey);
        f.setId(id);
        f.getStyleClass().add("big-field");
        f.setTextFormatter(Fields.limit(max));
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(max);
        f.setMaxWidth(Region.USE_PREF_SIZE);
        f.setMinWidth(Region.USE_PREF_SIZE);
        k.attach(f, KeyboardKind.NUMERIC);
        Label unit = Ui.label(i18n, unitKey, "field-unit");
        HBox box = new HBox(f, unit);
        box.getStyleClass().add("row-tight");
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    @Override
    protected Region root() {
        return root;
    }


}
