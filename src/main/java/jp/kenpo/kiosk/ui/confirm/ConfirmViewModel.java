package jp.kenpo.kiosk.ui.confirm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import jp.kenpo.kiosk.core.config.UnionConfig;
import jp.kenpo.kiosk.core.port.RegistrationSubmitter;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.RegistrationSnapshot;
import jp.kenpo.kiosk.ui.basicinfo.BasicConfirmViewModel;
import jp.kenpo.kiosk.ui.basicinfo.BasicConfirmViewModel.Row;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.document.DocumentChoiceViewModel;
import jp.kenpo.kiosk.ui.step.StepGuard;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * 13. 本人情報の確認: everything entered, sensitive parts masked (the password never, the email
 * partly, the secret answer never), the captured pictures as thumbnails; 「この内容で認証する」
 * seals the registration into the outbox in the background — a snapshot of the session taken at the
 * press, so that nothing done to the session meanwhile reaches what is sealed.
 */
public final class ConfirmViewModel implements StepViewModel {

    private final KioskSession session;
    private final UnionConfig union;
    private final RegistrationSubmitter submitter;
    private final Executor background;
    private final Executor fx;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Message> message = new SimpleObjectProperty<>();
    /** An answer that arrives once the screen is gone or the session wiped changes nothing. */
    private final StepGuard guard;

    public ConfirmViewModel(KioskSession session, UnionConfig union, RegistrationSubmitter submitter,
                            Executor background, Executor fx) {
        this.session = session;
        this.union = union;
        this.submitter = submitter;
        this.background = background;
        this.fx = fx;
        this.guard = new StepGuard(session);
    }

    /** Membership, as on the first confirmation. */
    public List<Row> membershipRows() {
        return new BasicConfirmViewModel(union, session).rows();
    }

    /** The account and the authentication, masked where sensitive. */
    public List<Row> accountRows() {
        List<Row> rows = new ArrayList<>();
        if (session.email() != null) {
            rows.add(new Row("final.email", Message.of("text.plain", maskEmail(session.email()))));
        }
        if (session.resumeId() == null) {
            rows.add(new Row("final.password", Message.of("final.hidden")));
        }
        if (session.documentType() != null && session.secretQuestion() != null) {
            rows.add(new Row("final.document", Message.of(DocumentChoiceViewModel.nameKey(session.documentType()))));
            rows.add(new Row("final.secretQuestion", Message.of("text.plain", session.secretQuestion())));
            rows.add(new Row("final.secretAnswer", Message.of("final.hidden")));
        }
        return rows;
    }

    /** {@code ke***@example.jp}: enough for the member to recognise, not for someone behind them. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at < 0) {
            return "***";
        }
        String local = email.substring(0, at);
        return local.substring(0, Math.min(2, local.length())) + "***" + email.substring(at);
    }

    /** The captured pictures in the order taken: document sides, then faces. */
    public List<byte[]> thumbnails() {
        List<byte[]> out = new ArrayList<>();
        session.documentImages().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.add(e.getValue()));
        out.addAll(session.faceImages().values());
        return out;
    }

    /** 「この内容で認証する」 may be pressed unless a press is under way. */
    @Override
    public ObservableBooleanValue canAdvance() {
        return busy.not();
    }

    /**
     * この内容で認証する: takes the snapshot here, on the JavaFX thread, then seals and queues it in the
     * background; {@code proceed} runs on the JavaFX thread — unless the step is no longer live then.
     */
    @Override
    public void commit(Runnable proceed) {
        if (busy.get() || !guard.live()) {
            return;
        }
        RegistrationSnapshot registration = session.snapshot();
        busy.set(true);
        message.set(null);
        CompletableFuture<RegistrationSubmitter.Receipt> sealing;
        try {
            sealing = CompletableFuture.supplyAsync(() -> {
                try {
                    return submitter.submit(registration);
                } finally {
                    registration.forget();
                }
            }, background);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            registration.forget(); // the kiosk is shutting down
            sealing = CompletableFuture.failedFuture(e);
        }
        sealing.whenComplete(guard.deliver(fx, () -> busy.set(false), (receipt, error) -> {
            if (error != null) {
                message.set(Message.of("final.error"));
                return;
            }
            session.submitted(receipt.number(), receipt.outcome());
            proceed.run();
        }));
    }

    /** The screen is left: a submit still under way no longer changes the session or the screen. */
    @Override
    public void close() {
        guard.close();
    }

    /** While the registration is sealed and sent, 戻る, 中止, the language and the idle timeout wait. */
    @Override
    public ObservableBooleanValue busy() {
        return busy;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message;
    }
}
