package jp.kenpo.kiosk.ui.account;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.account.PasswordPolicy.Rule;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Fields;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.keyboard.KeyboardKind;
import jp.kenpo.kiosk.ui.keyboard.Keyboards;
import jp.kenpo.kiosk.ui.step.FormScreen;

/** Email twice (the second typed, not pasted), password with its checklist, invitation code. */
public final class AccountScreen extends FormScreen {

    private final VBox root;

    public AccountScreen(AccountViewModel vm, I18n i18n, double keyPx) {
        super(vm);
        Keyboards keyboards = new Keyboards(i18n, keyPx);

        TextField email = field("email", 254);
        email.textProperty().bindBidirectional(vm.emailProperty());
        TextField confirm = Fields.noPaste();
        setUp(confirm, "emailConfirm", 254);
        confirm.textProperty().bindBidirectional(vm.emailConfirmProperty());

        PasswordField hidden = new PasswordField();
        setUp(hidden, "password", 20);
        hidden.textProperty().bindBidirectional(vm.passwordProperty());
        TextField shown = field("password-visible", 20);
        shown.textProperty().bindBidirectional(vm.passwordProperty());
        shown.visibleProperty().bind(vm.passwordShownProperty());
        hidden.visibleProperty().bind(vm.passwordShownProperty().not());
        hidden.setPrefColumnCount(10);
        shown.setPrefColumnCount(10);
        StackPane passwordBox = new StackPane(hidden, shown);
        passwordBox.setMaxWidth(Region.USE_PREF_SIZE);
        ToggleButton show = new ToggleButton();
        show.setId("password-show");
        show.getStyleClass().add("choice-small");
        show.setFocusTraversable(false);
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.selectedProperty().bindBidirectional(vm.passwordShownProperty());
        show.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(vm.passwordShownProperty().get()
                ? "account.hidePassword" : "account.showPassword"), vm.passwordShownProperty(), i18n.localeProperty()));
        TextField invitation = field("invitationCode", 20);
        invitation.textProperty().bindBidirectional(vm.invitationCodeProperty());

        Ui.name(email, i18n, "account.email");
        Ui.name(confirm, i18n, "account.emailConfirm");
        Ui.name(hidden, i18n, "account.password");
        Ui.name(shown, i18n, "account.password");
        Ui.name(invitation, i18n, "account.invitation");
        for (TextField f : new TextField[] {email, confirm, hidden, shown, invitation}) {
            keyboards.attach(f, KeyboardKind.ALPHANUMERIC);
        }

        // The rules in two columns under the fields and the keyboard, in sight while the password is typed.
        jp.kenpo.kiosk.ui.common.Columns checklist = new jp.kenpo.kiosk.ui.common.Columns(2, 24, 0);
        checklist.setId("password-checklist");
        checklist.getStyleClass().add("checklist");
        for (Rule r : Rule.values()) {
            Label l = new Label();
            l.setId("password-rule-" + r.name());
            l.setWrapText(true);
            l.textProperty().bind(Bindings.createStringBinding(() -> (vm.ruleProperty(r).get() ? "✔ " : "□ ")
                    + i18n.get(r.messageKey()), vm.ruleProperty(r), i18n.localeProperty()));
            vm.ruleProperty(r).addListener((obs, was, now) -> style(l, now));
            style(l, vm.ruleProperty(r).get());
            checklist.getChildren().add(l);
        }

        passwordBox.setMaxWidth(Double.MAX_VALUE);
        // Each label beside its field: four fields, the keyboard and the rules fit on one screen at 24 px.
        // With large text the column is too narrow for both: each label goes above its field.
        GridPane fields = new GridPane();
        fields.getStyleClass().add("form-grid");
        String[] labels = {"account.email", "account.emailConfirm", "account.password", "account.invitation"};
        Region[] inputs = {email, confirm, passwordBox, invitation};
        Region[] names = new Region[labels.length];
        for (int i = 0; i < labels.length; i++) {
            Label label = Ui.label(i18n, labels[i], "field-label");
            // 「表示する」 under its label: the password field keeps the column's whole width
            names[i] = inputs[i] == passwordBox ? new HBox(label, show) : label;
            names[i].getStyleClass().add("row-tight");
            inputs[i].setMaxWidth(Double.MAX_VALUE);
        }
        Label probe = (Label) names[0];
        Runnable arrange = () -> {
            boolean stacked = probe.getFont().getSize() > LABELS_BESIDE_UP_TO_PX;
            fields.getChildren().clear();
            fields.getColumnConstraints().setAll(stacked ? List.of(percent(100)) : List.of(percent(40), percent(60)));
            for (int i = 0; i < labels.length; i++) {
                if (stacked) {
                    fields.add(names[i], 0, 2 * i);
                    fields.add(inputs[i], 0, 2 * i + 1);
                } else {
                    fields.add(names[i], 0, i);
                    fields.add(inputs[i], 1, i);
                }
            }
        };
        probe.fontProperty().addListener((obs, was, now) -> arrange.run());
        arrange.run();
        VBox formBox = new VBox(fields, new MessageLabel(i18n, vm.messageProperty()));
        formBox.getStyleClass().add("form");
        HBox body = new HBox(formBox, keyboards.view());
        body.getStyleClass().add("form-with-keypad");
        HBox.setHgrow(formBox, Priority.ALWAYS);

        root = Ui.page(Step.ACCOUNT.screenId(), Ui.title(i18n, "account.title"));
        root.getChildren().addAll(body, checklist);
    }

    private static void style(Label l, boolean ok) {
        l.getStyleClass().removeAll("rule-ok", "rule-open");
        l.getStyleClass().add(ok ? "rule-ok" : "rule-open");
    }

    private static TextField field(String id, int max) {
        TextField f = new TextField();
        setUp(f, id, max);
        return f;
    }

    private static void setUp(TextField f, String id, int max) {
        f.setId(id);
        f.getStyleClass().add("mid-field");
        f.setTextFormatter(Fields.limit(max));
        f.setPrefColumnCount(8);
    }

    /** Labels beside their fields up to this text size (the normal 24 px); above them with large text. */
    private static final double LABELS_BESIDE_UP_TO_PX = 26;

    private static javafx.scene.layout.ColumnConstraints percent(double p) {
        javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
        c.setPercentWidth(p);
        return c;
    }

    @Override
    protected Region root() {
        return root;
    }


}
