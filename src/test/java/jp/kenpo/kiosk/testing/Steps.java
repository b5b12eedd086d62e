package jp.kenpo.kiosk.testing;

import java.util.concurrent.atomic.AtomicBoolean;

import jp.kenpo.kiosk.ui.step.StepViewModel;

/** A step's commit as 次へ sees it, for view models whose commit answers at once. */
public final class Steps {

    private Steps() {
    }

    /** Commits the step; whether the member went on at once. */
    public static boolean goesOn(StepViewModel vm) {
        AtomicBoolean on = new AtomicBoolean();
        vm.commit(() -> on.set(true));
        return on.get();
    }
}
