package jp.kenpo.kiosk.ui.common;

import javafx.scene.layout.Region;

import jp.kenpo.kiosk.ui.step.CameraStepViewModel;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * A step screen around a live camera preview: shown, it starts its view model's camera and follows
 * the newest frame; left, it stops both. 次へ is hidden while it may not be pressed — the picture is
 * taken by itself, or the step goes on by itself.
 */
public abstract class CameraStepScreen implements StepScreen {

    private final CameraStepViewModel vm;
    private Region root;
    private CameraRow camera;

    protected CameraStepScreen(CameraStepViewModel vm) {
        this.vm = vm;
    }

    /** The subclass's root and preview, built: the camera starts and the preview follows it. */
    protected final void show(Region root, CameraRow camera) {
        this.root = root;
        this.camera = camera;
        vm.start();
        camera.follow(vm::poll);
    }

    /** What the subclass releases besides the preview, before the camera stops. */
    protected void release() {
    }

    @Override
    public final Region view() {
        return root;
    }

    @Override
    public final boolean hideNextWhileDisabled() {
        return true;
    }

    @Override
    public final void dispose() {
        release();
        vm.dispose();
        camera.clear();
    }

    @Override
    public final StepViewModel viewModel() {
        return vm;
    }
}
