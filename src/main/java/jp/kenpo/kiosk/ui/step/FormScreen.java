package jp.kenpo.kiosk.ui.step;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.layout.Region;

/** A screen whose 次へ is its view model's: enabled by {@code canAdvance}, acting by {@code commit}. */
public abstract class FormScreen implements StepScreen {

    private final StepViewModel vm;

    protected FormScreen(StepViewModel vm) {
        this.vm = vm;
    }

    /** The root built by the subclass. */
    protected abstract Region root();

    @Override
    public final Region view() {
        return root();
    }

    @Override
    public ObservableBooleanValue nextEnabled() {
        return vm.canAdvance();
    }

    @Override
    public boolean commit() {
        return vm.commit();
    }
}
