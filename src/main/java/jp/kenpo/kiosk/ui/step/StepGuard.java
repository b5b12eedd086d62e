package jp.kenpo.kiosk.ui.step;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

import jp.kenpo.kiosk.core.session.KioskSession;

/**
 * Whether a step still stands, for work it started in the background: once its screen is closed
 * or its session wiped (中止, the idle timeout), an answer that arrives changes nothing — neither
 * the session, nor the screen, nor the step shown.
 */
public final class StepGuard {

    private final KioskSession session;
    private boolean closed;

    public StepGuard(KioskSession session) {
        this.session = session;
    }

    /** The step's screen is left. */
    public void close() {
        closed = true;
    }

    /** Whether the screen is still shown and its session not wiped. */
    public boolean live() {
        return !closed && !session.isWiped();
    }

    /**
     * The completion of work in the background: on {@code fx}, {@code always} runs (the busy state
     * ends), then {@code whileLive} with the result or the error — only if the step is still live.
     */
    public <T> BiConsumer<T, Throwable> deliver(Executor fx, Runnable always, BiConsumer<T, Throwable> whileLive) {
        return (result, error) -> fx.execute(() -> {
            always.run();
            if (live()) {
                whileLive.accept(result, error);
            }
        });
    }
}
