package jp.kenpo.kiosk.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;

/**
 * A screen's {@code #message}: the error or guidance text, from a {@link Message} held by the view
 * model (so it follows the language switch), hidden while there is none.
 */
public final class MessageLabel extends Label {

    public MessageLabel(I18n i18n, ObservableValue<Message> message) {
        setId(AutomationIds.MESSAGE);
        Ui.spoken(this, message);
        getStyleClass().add("message");
        setWrapText(true);
        setMinHeight(Region.USE_PREF_SIZE);
        textProperty().bind(Bindings.createStringBinding(() -> {
            Message m = message.getValue();
            return m == null ? "" : render(i18n, m);
        }, message, i18n.localeProperty()));
        visibleProperty().bind(Bindings.createBooleanBinding(() -> message.getValue() != null, message));
        managedProperty().bind(visibleProperty());
    }

    /** The text of a message; arguments that are messages themselves (an era's name) are translated too. */
    public static String render(I18n i18n, Message m) {
        Object[] args = m.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Message inner) {
                args[i] = render(i18n, inner);
            } else if (args[i] instanceof jp.kenpo.kiosk.core.config.LocalizedText text) {
                args[i] = text.in(i18n.locale());
            }
        }
        return i18n.get(m.key(), args);
    }
}
