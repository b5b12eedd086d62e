package jp.kenpo.kiosk.ui.welcome;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.Screen;

/** 0. Welcome: start a new registration, or continue one begun in the app (QR code). */
public final class WelcomeScreen implements Screen {

    private final VBox root;

    public WelcomeScreen(WelcomeViewModel vm, I18n i18n, Navigator nav) {
        Label union = new Label();
        union.getStyleClass().add("welcome-union");
        union.textProperty().bind(Bindings.createStringBinding(() -> vm.unionNames(i18n.locale()),
                i18n.localeProperty()));
        union.setWrapText(true);
        union.setMinHeight(Region.USE_PREF_SIZE); // never cut short: with large text the screen scrolls

        Label title = Ui.label(i18n, "welcome.title", "welcome-title");
        Label lead = Ui.label(i18n, "welcome.lead", "lead");

        Button start = Ui.button(i18n, "welcome.start", AutomationIds.START, "primary-action", "welcome-start");
        start.setOnAction(e -> nav.startSession());
        start.setMaxWidth(Double.MAX_VALUE);

        Button resume = Ui.button(i18n, "welcome.resume", AutomationIds.RESUME_QR, "secondary-action");
        resume.setMaxWidth(Double.MAX_VALUE);
        resume.setOnAction(e -> nav.startResume());

        Label bring = Ui.label(i18n, "welcome.bring", "note");

        VBox actions = new VBox(start, resume);
        actions.getStyleClass().add("welcome-actions");
        actions.setMaxWidth(900);
        actions.setMinHeight(Region.USE_PREF_SIZE);

        root = new VBox(union, title, lead, actions, bring);
        if (vm.demo()) {
            Label demo = Ui.label(i18n, "welcome.demo", "demo-badge");
            root.getChildren().add(0, demo);
        }
        root.setId(Step.WELCOME.screenId());
        root.getStyleClass().addAll("page", "welcome");
        root.setAlignment(Pos.CENTER);
        root.setFillWidth(true);
        actions.setAlignment(Pos.CENTER);
        VBox.setVgrow(actions, javafx.scene.layout.Priority.NEVER);
    }

    @Override
    public Region view() {
        return root;
    }
}
