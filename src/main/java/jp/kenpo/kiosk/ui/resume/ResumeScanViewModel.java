package jp.kenpo.kiosk.ui.resume;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;

import jp.kenpo.kiosk.core.camera.CameraPreview;
import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.core.port.CameraRequest;
import jp.kenpo.kiosk.core.port.QrCamera;
import jp.kenpo.kiosk.core.port.SignupClaims;
import jp.kenpo.kiosk.core.resume.Claim;
import jp.kenpo.kiosk.core.resume.ResumeCheck;
import jp.kenpo.kiosk.core.resume.ResumeRefusal;
import jp.kenpo.kiosk.core.resume.ResumeToken;
import jp.kenpo.kiosk.core.resume.ResumeTokenVerifier;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.step.StepGuard;
import jp.kenpo.kiosk.ui.step.CameraStepViewModel;

/**
 * 「アプリで登録中の方」: the camera looks for the app's QR code. A code read is checked (the signed
 * token, offline) and its signup claimed at the central service, in the background; a refusal, an
 * unknown or a taken signup shows its sentence and the camera looks again; with the draft — or without
 * an answer from the central service (the offline way) — the member goes on ({@link #readyProperty()}).
 * A code refused once is not checked again while it stays in front of the camera.
 */
public final class ResumeScanViewModel implements CameraStepViewModel {

    /** What the check found: the token and the claim's answer, or why the code was refused. */
    private record Found(ResumeToken token, Claim claim, ResumeRefusal refusal) {
    }

    private final KioskSession session;
    private final QrCamera camera;
    private final ResumeTokenVerifier verifier;
    private final SignupClaims claims;
    private final Function<String, Boolean> medicalOffered;
    private final Executor background;
    private final Executor fx;
    private final StepGuard guard;
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cameraAvailable = new ReadOnlyBooleanWrapper(true);
    private CameraPreview preview;
    private String refusedText;
    private Found found;

    /**
     * @param medicalOffered whether the union of an insurer number (one this kiosk serves) offers
     *                       medical-access authentication
     */
    public ResumeScanViewModel(KioskSession session, QrCamera camera, ResumeTokenVerifier verifier, SignupClaims claims,
                               Function<String, Boolean> medicalOffered, Executor background, Executor fx) {
        this.session = session;
        this.camera = camera;
        this.verifier = verifier;
        this.claims = claims;
        this.medicalOffered = medicalOffered;
        this.background = background;
        this.fx = fx;
        this.guard = new StepGuard(session);
    }

    @Override
    public void start() {
        preview = camera.startQr(CameraRequest.QR);
    }

    /** On every pulse: the newest frame to draw, and a code read since. */
    @Override
    public PreviewFrame poll() {
        if (preview == null) {
            return null;
        }
        byte[] read = preview.takeCaptured();
        PreviewFrame frame = preview.latest();
        cameraAvailable.set(preview.state() != CameraState.UNAVAILABLE);
        if (read != null) {
            String text = new String(read, StandardCharsets.UTF_8);
            Arrays.fill(read, (byte) 0);
            if (text.equals(refusedText) || busy.get() || ready.get()) {
                preview.retake(); // the same refused code still held up: its sentence stays
            } else {
                check(text);
            }
        }
        return frame;
    }

    private void check(String text) {
        busy.set(true);
        message.set(Message.of("resume.scan.checking"));
        CompletableFuture.supplyAsync(() -> {
            ResumeCheck c = verifier.check(text);
            if (!c.valid()) {
                return new Found(null, null, c.refusal());
            }
            ResumeToken t = c.token().orElseThrow();
            return new Found(t, claims.claim(t.rid()), null);
        }, background).whenComplete(guard.deliver(fx, () -> busy.set(false), (f, error) -> {
                    if (error != null) {
                        refused(text, Message.of("resume.scan.failed"));
                    } else if (f.token() == null) {
                        refused(text, Message.of(refusalKey(f.refusal())));
                    } else {
                        answered(text, f);
                    }
                }));
    }

    /** Each refusal's own sentence. */
    public static String refusalKey(ResumeRefusal r) {
        return switch (r) {
            case NOT_A_TOKEN -> "resume.refusal.notAToken";
            case TOO_LONG -> "resume.refusal.tooLong";
            case UNKNOWN_KEY -> "resume.refusal.unknownKey";
            case BAD_SIGNATURE -> "resume.refusal.badSignature";
            case EXPIRED -> "resume.refusal.expired";
            case ISSUED_IN_FUTURE -> "resume.refusal.issuedInFuture";
            case UNION_NOT_SERVED -> "resume.refusal.unionNotServed";
            case ALREADY_USED -> "resume.refusal.alreadyUsed";
        };
    }

    private void answered(String text, Found f) {
        switch (f.claim().outcome()) {
            case UNKNOWN -> refused(text, Message.of("resume.claim.unknown"));
            case GONE -> refused(text, Message.of("resume.claim.gone"));
            case CLAIMED, UNREACHABLE -> {
                found = f;
                message.set(null);
                ready.set(true);
            }
        }
    }

    private void refused(String text, Message why) {
        refusedText = text;
        message.set(why);
        if (preview != null) {
            preview.retake();
        }
    }

    /** The member goes on with the signup found; the screen's own way on once {@link #readyProperty()} says so. */
    @Override
    public void commit(Runnable proceed) {
        Found f = found;
        if (f == null) {
            return;
        }
        Boolean offered = medicalOffered.apply(f.token().insurer());
        session.resumedFrom(f.token(), Boolean.TRUE.equals(offered),
                f.claim().outcome() == Claim.Outcome.CLAIMED ? f.claim().draft() : null);
        found = null;
        proceed.run();
    }

    /** No 次へ: the screen goes on by itself once a code resumes a signup. */
    @Override
    public ObservableBooleanValue canAdvance() {
        return null;
    }

    @Override
    public ObservableBooleanValue busy() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public void close() {
        guard.close();
    }

    @Override
    public void dispose() {
        if (preview != null) {
            preview.close();
            preview = null;
        }
        found = null;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraAvailableProperty() {
        return cameraAvailable.getReadOnlyProperty();
    }
}
