package jp.kenpo.kiosk.ui.emailcode;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Fields;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.emailcode.EmailCodeViewModel.State;
import jp.kenpo.kiosk.ui.keyboard.KeyboardKind;
import jp.kenpo.kiosk.ui.keyboard.Keyboards;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.FormScreen;

/** {@code #screen-email-code}: the code field and pad, time left, resend; or the way on when mail fails. */
public final class EmailCodeScreen extends FormScreen {

    private final VBox root;
    private final Timeline ticker;

    public EmailCodeScreen(EmailCodeViewModel vm, I18n i18n, Navigator nav, double keyPx) {
        super(vm);
        Keyboards keyboards = new Keyboards(i18n, keyPx);

        Label lead = new Label();
        lead.getStyleClass().add("lead");
        lead.setWrapText(true);
        lead.setMinHeight(Region.USE_PREF_SIZE);
        lead.setId("otp-sent-to");
        javafx.beans.binding.ObjectBinding<Message> said = Bindings.createObjectBinding(() -> Message.of(
                switch (vm.stateProperty().get()) {
                    case SENDING -> "otp.sending";
                    case SENT -> "otp.sent";
                    case VERIFIED -> "otp.alreadyVerified";
                    case SEND_FAILED -> "otp.notSent";
                }, vm.maskedEmail()), vm.stateProperty());
        lead.textProperty().bind(Bindings.createStringBinding(() -> MessageLabel.render(i18n, said.get()),
                said, i18n.localeProperty()));
        Ui.spoken(lead, said);

        TextField code = Ui.name(new TextField(), i18n, "otp.label");
        code.setId("otp");
        code.getStyleClass().addAll("big-field", "otp-field");
        code.setTextFormatter(Fields.limit(6));
        code.textProperty().bindBidirectional(vm.codeProperty());
        code.setPrefColumnCount(6);
        code.setMaxWidth(Region.USE_PREF_SIZE);
        keyboards.attach(code, KeyboardKind.NUMERIC);

        Label timeLeft = new Label();
        timeLeft.setId("otp-time-left");
        timeLeft.getStyleClass().add("note");
        timeLeft.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("otp.timeLeft",
                vm.secondsLeftProperty().get() / 60, vm.secondsLeftProperty().get() % 60),
                vm.secondsLeftProperty(), i18n.localeProperty()));

        Button resend = new Button();
        resend.setId("otp-resend");
        resend.getStyleClass().add("secondary-action");
        resend.setFocusTraversable(false);
        resend.textProperty().bind(Bindings.createStringBinding(() -> vm.resendWaitProperty().get() > 0
                        && vm.stateProperty().get() == State.SENT
                        ? i18n.get("otp.resendIn", vm.resendWaitProperty().get()) : i18n.get("otp.resend"),
                vm.resendWaitProperty(), vm.stateProperty(), i18n.localeProperty()));
        resend.disableProperty().bind(vm.canResend().not());
        resend.setOnAction(e -> vm.resend());

        VBox sent = new VBox(Ui.label(i18n, "otp.label", "field-label"), code, timeLeft,
                new MessageLabel(i18n, vm.messageProperty()), resend, Ui.label(i18n, "otp.hint", "note"));
        sent.getStyleClass().add("form");
        // Back here with an address already confirmed (from a later screen): nothing to type again.
        sent.visibleProperty().bind(vm.stateProperty().isNotEqualTo(State.SEND_FAILED)
                .and(vm.stateProperty().isNotEqualTo(State.VERIFIED)));
        sent.managedProperty().bind(sent.visibleProperty());

        Button unverified = Ui.button(i18n, "otp.continueUnverified", "otp-continue-unverified", "primary-action");
        unverified.setOnAction(e -> {
            vm.continueUnverified();
            nav.next();
        });
        Button correct = Ui.button(i18n, "otp.correctEmail", "otp-correct-email", "secondary-action");
        correct.setOnAction(e -> nav.back());
        HBox failedActions = new HBox(correct, unverified);
        failedActions.getStyleClass().add("row");
        Label failedExplain = Ui.label(i18n, "otp.sendFailedExplain", "lead");
        // spoken with 「メールを送れませんでした」 when the mail fails, not only when the screen is shown
        Ui.spoken(failedExplain, Bindings.createObjectBinding(() -> vm.stateProperty().get() == State.SEND_FAILED
                ? Message.of("otp.sendFailedExplain") : null, vm.stateProperty()));
        VBox failed = new VBox(failedExplain, failedActions);
        failed.getStyleClass().add("form");
        failed.visibleProperty().bind(vm.stateProperty().isEqualTo(State.SEND_FAILED));
        failed.managedProperty().bind(failed.visibleProperty());

        HBox body = new HBox(new VBox(sent, failed), keyboards.view());
        body.getStyleClass().add("form-with-keypad");
        HBox.setHgrow(body.getChildren().get(0), Priority.ALWAYS);
        keyboards.view().visibleProperty().bind(sent.visibleProperty());

        root = Ui.page(Step.EMAIL_CODE.screenId(), Ui.title(i18n, "otp.title"));
        root.getChildren().addAll(lead, body);

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        vm.start();
    }

    @Override
    protected Region root() {
        return root;
    }

    @Override
    public boolean hideNextWhileDisabled() {
        return true;
    }



    @Override
    public void dispose() {
        ticker.stop();
    }
}
