package jp.kenpo.kiosk.ui.shell;

import jp.kenpo.kiosk.ui.step.Navigator;

/**
 * What one screen may ask of the shell, while it is shown: once another screen is shown, its
 * calls do nothing — an answer from the background cannot move a later screen or a later member.
 */
final class ScreenNavigator implements Navigator {

    private final Navigator shell;
    private boolean live = true;

    ScreenNavigator(Navigator shell) {
        this.shell = shell;
    }

    /** Whether its screen is still the one shown. */
    boolean live() {
        return live;
    }

    /** Another screen is shown: from now on this navigator does nothing. */
    void retire() {
        live = false;
    }

    @Override
    public void next() {
        if (live) {
            shell.next();
        }
    }

    @Override
    public void back() {
        if (live) {
            shell.back();
        }
    }

    @Override
    public void startSession() {
        if (live) {
            shell.startSession();
        }
    }

    @Override
    public void startResume() {
        if (live) {
            shell.startResume();
        }
    }

    @Override
    public void home(String reason) {
        if (live) {
            shell.home(reason);
        }
    }

    @Override
    public void showError(String messageKey) {
        if (live) {
            shell.showError(messageKey);
        }
    }

    @Override
    public void staffEntry() {
        if (live) {
            shell.staffEntry();
        }
    }

    @Override
    public void staffUnlocked() {
        if (live) {
            shell.staffUnlocked();
        }
    }

    @Override
    public void staffPage(String page) {
        if (live) {
            shell.staffPage(page);
        }
    }

    @Override
    public void exitKiosk() {
        if (live) {
            shell.exitKiosk();
        }
    }
}
