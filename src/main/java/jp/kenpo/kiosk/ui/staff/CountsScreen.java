package jp.kenpo.kiosk.ui.staff;

import java.util.TreeSet;
import java.util.concurrent.Executor;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.session.DayCounts;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.Screen;

/** {@code #screen-staff-counts}: today's counts for the union, without personal data. */
public final class CountsScreen implements Screen {

    public static final String SCREEN_ID = "screen-staff-counts";

    private final VBox root;

    public CountsScreen(CountsViewModel vm, I18n i18n, Navigator nav, Executor background, Executor ui) {
        Label sessions = new Label();
        sessions.setId("counts-sessions");
        sessions.getStyleClass().add("lead");
        sessions.setWrapText(true);
        sessions.textProperty().bind(i18n.text("staff.queue.loading"));
        Label other = new Label();
        other.setId("counts-other");
        other.getStyleClass().add("lead");
        other.setWrapText(true);
        VBox steps = new VBox();
        steps.setId("counts-steps");
        steps.getStyleClass().add("audit");
        vm.todayProperty().addListener((obs, was, c) -> {
            if (c == null) {
                return;
            }
            sessions.textProperty().bind(i18n.text("staff.counts.sessions", c.started(), c.complete(), c.pending(),
                    c.accountOnly(), c.abandoned()));
            other.textProperty().bind(i18n.text("staff.counts.other", c.captureRetries(), c.helpCalls(),
                    c.inPersonChecks()));
            steps.getChildren().clear();
            for (String step : stepsOf(c)) {
                Label l = new Label();
                Double median = c.medianSecondsByStep().get(step);
                l.textProperty().bind(i18n.text("staff.counts.step", step,
                        median == null ? "-" : String.format("%.1f", median),
                        c.abandonedByStep().getOrDefault(step, 0)));
                l.getStyleClass().add("audit-line");
                steps.getChildren().add(l);
            }
        });
        Button back = Ui.button(i18n, "staff.back", "staff-back", "primary-action");
        back.setOnAction(e -> nav.staffPage("staff"));
        root = Ui.page(SCREEN_ID, Ui.title(i18n, "staff.counts.title"));
        root.getChildren().addAll(sessions, other, Ui.label(i18n, "staff.counts.stepsTitle", "field-label"), steps,
                back);
        vm.load(background, ui);
    }

    private static TreeSet<String> stepsOf(DayCounts c) {
        TreeSet<String> all = new TreeSet<>(c.medianSecondsByStep().keySet());
        all.addAll(c.abandonedByStep().keySet());
        return all;
    }

    @Override
    public Region view() {
        return root;
    }
}
