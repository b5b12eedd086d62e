package jp.kenpo.kiosk.ui.consent;

import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.config.ConsentText;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.FormScreen;

/** The consent screen: the documents in one scrolling text, a page-down button, the agree box. */
public final class ConsentScreen extends FormScreen {

    private final ConsentViewModel vm;
    private final VBox root;

    public ConsentScreen(ConsentViewModel vm, I18n i18n) {
        super(vm);
        this.vm = vm;
        VBox text = new VBox();
        text.getStyleClass().add("consent-body");
        for (ConsentText d : vm.documents()) {
            Label heading = new Label();
            heading.getStyleClass().add("consent-heading");
            heading.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> d.title().in(i18n.locale()), i18n.localeProperty()));
            heading.setWrapText(true);
            // no translation of this document: the Japanese text, and a line saying so in the member's language
            Label japaneseOnly = Ui.label(i18n, "consent.japaneseOnly", "note", "consent-japanese-only");
            japaneseOnly.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> d.japaneseOnlyFor(i18n.locale()), i18n.localeProperty()));
            japaneseOnly.managedProperty().bind(japaneseOnly.visibleProperty());
            Label body = new Label();
            body.getStyleClass().add("consent-paragraph");
            body.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> d.body().in(i18n.locale()), i18n.localeProperty()));
            body.setWrapText(true);
            // Japanese shown on a Chinese or Korean screen keeps Japanese glyph shapes
            japaneseOnly.visibleProperty().addListener((obs, was, now) -> {
                body.getStyleClass().remove("japanese-text");
                if (now) {
                    body.getStyleClass().add("japanese-text");
                }
            });
            if (japaneseOnly.isVisible()) {
                body.getStyleClass().add("japanese-text");
            }
            body.setMinHeight(Region.USE_PREF_SIZE);
            text.getChildren().addAll(heading, japaneseOnly, body);
        }
        ScrollPane scroll = new ScrollPane(text);
        scroll.setId(AutomationIds.CONSENT_TEXT);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        scroll.getStyleClass().add("consent-text");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.vvalueProperty().addListener((obs, was, now) -> vm.scrolledTo(
                (now.doubleValue() - scroll.getVmin()) / (scroll.getVmax() - scroll.getVmin())));
        // Text shorter than the viewport cannot be scrolled: it is all in view already.
        scroll.viewportBoundsProperty().addListener((obs, was, now) -> checkFits(scroll, text, now));
        text.heightProperty().addListener((obs, was, now) -> checkFits(scroll, text, scroll.getViewportBounds()));

        Button more = Ui.button(i18n, "consent.more", AutomationIds.CONSENT_MORE, "secondary-action");
        more.setOnAction(e -> pageDown(scroll, text));
        more.disableProperty().bind(vm.readToEndProperty());

        CheckBox agree = new CheckBox();
        agree.setId(AutomationIds.CONSENT_AGREE);
        agree.textProperty().bind(i18n.text("consent.agree"));
        agree.getStyleClass().add("agree");
        agree.setWrapText(true);
        agree.disableProperty().bind(vm.readToEndProperty().not());
        agree.selectedProperty().bindBidirectional(vm.agreedProperty());

        Label hint = Ui.label(i18n, "consent.hint", "note");
        hint.visibleProperty().bind(vm.readToEndProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());

        HBox bottom = new HBox(agree, Ui.grow(), more);
        bottom.getStyleClass().add("row");
        HBox.setHgrow(agree, Priority.ALWAYS);
        root = vm.points() ? Ui.page(Step.POINTS_CONSENT.screenId(), Ui.title(i18n, "consent.points.title"))
                : Ui.page(Step.CONSENT.screenId(), Ui.title(i18n, "consent.title"));
        root.getChildren().addAll(Ui.label(i18n, "consent.lead", "lead"), scroll, hint, bottom);
    }

    private void checkFits(ScrollPane scroll, Region text, Bounds viewport) {
        if (viewport != null && viewport.getHeight() > 0 && text.getHeight() > 0
                && text.getHeight() <= viewport.getHeight() + 1) {
            vm.fitsWithoutScrolling();
        }
    }

    /** Scrolls by most of a screenful, keeping a line of context. */
    private static void pageDown(ScrollPane scroll, Region text) {
        double viewport = scroll.getViewportBounds().getHeight();
        double hidden = text.getHeight() - viewport;
        if (hidden <= 0) {
            scroll.setVvalue(scroll.getVmax());
            return;
        }
        double step = (viewport * 0.85) / hidden * (scroll.getVmax() - scroll.getVmin());
        scroll.setVvalue(Math.min(scroll.getVmax(), scroll.getVvalue() + step));
    }

    @Override
    protected Region root() {
        return root;
    }


}
