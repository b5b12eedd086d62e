package jp.kenpo.kiosk.ui.emailcode;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.account.Email;
import jp.kenpo.kiosk.core.account.OneTimeCode;
import jp.kenpo.kiosk.core.config.LocalizedText;
import jp.kenpo.kiosk.core.port.CodeMailer;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.text.LogText;
import jp.kenpo.kiosk.ui.common.FormStepViewModel;
import jp.kenpo.kiosk.ui.common.Message;

/**
 * 7. メール確認: mails a 6-digit code (off the JavaFX thread), shows the masked address and the
 * time left, checks what the member types. When mail cannot be sent the member may go on with
 * the address unverified (the central service mails an activation link later) or correct it.
 */
public final class EmailCodeViewModel extends FormStepViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(EmailCodeViewModel.class);

    public enum State { SENDING, SENT, SEND_FAILED, VERIFIED }

    private final KioskSession session;
    private final OneTimeCode otp;
    private final CodeMailer mailer;
    private final LocalizedText union;
    private final Supplier<Locale> language;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.SENDING);
    private final StringProperty code = new SimpleStringProperty("");
    private final ReadOnlyLongWrapper secondsLeft = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper resendWait = new ReadOnlyLongWrapper();
    private final BooleanBinding canAdvance;
    /** The mail could not be sent and the member chose to go on without the code. */
    private boolean unverified;
    private final BooleanBinding canResend;

    public EmailCodeViewModel(KioskSession session, Clock clock, RandomSource random, CodeMailer mailer,
                              LocalizedText union, Supplier<Locale> language, Executor background, Executor ui) {
        this.session = session;
        this.otp = session.oneTimeCode(() -> new OneTimeCode(clock, random));
        this.mailer = mailer;
        this.union = union;
        this.language = language;
        this.background = background;
        this.ui = ui;
        this.canAdvance = Bindings.createBooleanBinding(
                () -> state.get() == State.VERIFIED
                        || state.get() == State.SENT && code.get().strip().length() == OneTimeCode.DIGITS, state, code);
        this.canResend = Bindings.createBooleanBinding(
                () -> (state.get() == State.SENT && resendWait.get() == 0) || state.get() == State.SEND_FAILED,
                state, resendWait);
        code.addListener(o -> message.set(null));
    }

    /** Sends a code unless a live one was already mailed to this address (coming back to the screen). */
    public void start() {
        if (session.emailVerified() && session.email().equals(session.codeSentTo())) {
            state.set(State.VERIFIED);
            return;
        }
        if (session.email().equals(session.codeSentTo()) && !otp.timeLeft().isZero()) {
            state.set(State.SENT);
            tick();
            return;
        }
        send();
    }

    /** 再送: a new code, the earlier one no longer works. */
    public void resend() {
        if (canResend.get()) {
            code.set("");
            send();
        }
    }

    private void send() {
        state.set(State.SENDING);
        message.set(null);
        String to = session.email();
        String fresh = otp.issue();
        Locale lang = language.get();
        CompletableFuture.runAsync(() -> {
            try {
                mailer.sendCode(to, fresh, union, lang);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background).whenCompleteAsync((ok, error) -> {
            if (session.isWiped()) {
                return; // 中止 or the idle timeout while the mail was on its way: nothing to write back
            }
            if (error != null) {
                LOG.warn("one-time code mail not sent: {}", LogText.of(error.getCause() == null ? error : error.getCause()));
                otp.forget();
                session.codeSentTo(null);
            } else {
                session.codeSentTo(to);
            }
            tick(); // the countdowns are right before the new state shows
            if (error != null) {
                state.set(State.SEND_FAILED);
                message.set(Message.of("otp.error.sendFailed"));
            } else {
                state.set(State.SENT);
            }
        }, ui);
    }

    /** Brings the countdowns up to date; the screen calls it every second. */
    public void tick() {
        secondsLeft.set(otp.timeLeft().toSeconds());
        resendWait.set((otp.resendWait().toMillis() + 999) / 1000);
    }

    @Override
    protected boolean take() {
        if (state.get() == State.VERIFIED || unverified) {
            return true;
        }
        OneTimeCode.Check c = otp.verify(code.get());
        switch (c.outcome()) {
            case ACCEPTED -> {
                session.emailVerified(true);
                state.set(State.VERIFIED);
                LOG.info("email verified with the one-time code");
                return true;
            }
            case WRONG -> message.set(Message.of("otp.error.wrong", c.attemptsLeft()));
            case EXPIRED -> message.set(Message.of("otp.error.expired"));
            case LOCKED -> message.set(Message.of("otp.error.locked"));
            case NO_CODE -> message.set(Message.of("otp.error.noCode"));
        }
        LOG.info("one-time code refused ({})", c.outcome());
        return false;
    }

    /** The mail could not be sent: go on with the address unverified. */
    public void continueUnverified() {
        session.emailVerified(false);
        unverified = true;
        LOG.info("continuing with the email unverified");
    }

    public String maskedEmail() {
        Email.Result e = Email.parse(session.email());
        return e.ok() ? e.value().masked() : "";
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ReadOnlyLongProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty resendWaitProperty() {
        return resendWait.getReadOnlyProperty();
    }

    @Override
    public BooleanBinding canAdvance() {
        return canAdvance;
    }

    public BooleanBinding canResend() {
        return canResend;
    }
}
