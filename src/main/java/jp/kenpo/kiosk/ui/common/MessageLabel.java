package jp.kenpo.kiosk.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;

/**
 * A screen's {@code #message}: the error or guidance text, shown from a message key held by the
 * view model (so it follows the language switch) and hidden while there is none.
 */
public final class MessageLabel extends Label {

    public MessageLabel(I18n i18n, ReadOnlyStringProperty messageKey) {
        setId(AutomationIds.MESSAGE);
        getStyleClass().add("message");
        setWrapText(true);
        setMinHeight(Region.USE_PREF_SIZE);
        textProperty().bind(Bindings.createStringBinding(
                () -> messageKey.get() == null ? "" : i18n.get(messageKey.get()),
                messageKey, i18n.localeProperty()));
        visibleProperty().bind(messageKey.isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
