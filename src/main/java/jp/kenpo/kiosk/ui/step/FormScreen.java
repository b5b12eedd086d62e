package jp.kenpo.kiosk.ui.step;

import javafx.scene.layout.Region;

/** A screen built over its step's view model, which the shell drives through the step contract. */
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
    public final StepViewModel viewModel() {
        return vm;
    }
}
