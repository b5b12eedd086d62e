package jp.kenpo.kiosk.ui.eligibility;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.roster.Eligibility.Outcome;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.eligibility.EligibilityViewModel.State;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/** The roster's answer: 「確認できました」, or what may be wrong and what to do. */
public final class EligibilityScreen implements StepScreen {

    private final EligibilityViewModel vm;
    private final VBox root;

    public EligibilityScreen(EligibilityViewModel vm, I18n i18n, Navigator nav) {
        this.vm = vm;
        Label headline = new Label();
        headline.setId("eligibility-result");
        headline.getStyleClass().add("screen-title");
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        headline.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(titleKey(vm.stateProperty().get())),
                vm.stateProperty(), i18n.localeProperty()));
        // spoken together when the answer comes: the headline, then what to do
        Ui.spoken(headline, Bindings.createObjectBinding(() -> Message.of(titleKey(vm.stateProperty().get())), vm.stateProperty()));
        Label guidance = new Label();
        guidance.setId("message");
        guidance.getStyleClass().add("guidance");
        guidance.setWrapText(true);
        guidance.setMinHeight(Region.USE_PREF_SIZE);
        guidance.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(bodyKey(vm.stateProperty().get())),
                vm.stateProperty(), i18n.localeProperty()));

        Ui.spoken(guidance, Bindings.createObjectBinding(() -> Message.of(bodyKey(vm.stateProperty().get())), vm.stateProperty()));

        Button fix = Ui.button(i18n, "eligibility.fix", "eligibility-fix", "primary-action");
        fix.setOnAction(e -> nav.back());
        Button home = Ui.button(i18n, "error.home", "eligibility-home", "secondary-action");
        home.setOnAction(e -> nav.home("not eligible"));
        HBox actions = new HBox(fix, home);
        actions.getStyleClass().add("row");
        actions.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            State s = vm.stateProperty().get();
            return s.failed() || (s.outcome() != null && s.outcome() != Outcome.ELIGIBLE);
        }, vm.stateProperty()));
        fix.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            Outcome o = vm.stateProperty().get().outcome();
            return o == Outcome.NOT_FOUND || o == Outcome.MISMATCH;
        }, vm.stateProperty()));
        fix.managedProperty().bind(fix.visibleProperty());

        root = new VBox(headline, guidance, actions);
        root.setId(Step.ELIGIBILITY.screenId());
        root.getStyleClass().add("page");
        vm.check();
    }

    private static String titleKey(State s) {
        if (s.failed()) {
            return "eligibility.failed.title";
        }
        return s.outcome() == null ? "eligibility.checking" : s.outcome().titleKey();
    }

    private static String bodyKey(State s) {
        if (s.failed()) {
            return "eligibility.failed";
        }
        return s.outcome() == null ? "eligibility.checkingBody" : s.outcome().messageKey();
    }

    @Override
    public Region view() {
        return root;
    }

    @Override
    public boolean hideNextWhileDisabled() {
        return true;
    }

    @Override
    public StepViewModel viewModel() {
        return vm;
    }
}
