package jp.kenpo.kiosk.ui.keyboard;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;

/**
 * The on-screen keyboards of one screen (a kiosk has no physical keyboard, though one still
 * works). Each attached field shows its keyboard when it gets focus; keys type into the focused
 * field at its caret. Keys are at least {@code keyPx} (15 mm at the screen's density) and
 * {@link #KEY_EM} times the text size, so that their labels fit at every text size.
 */
public final class Keyboards {

    private final I18n i18n;
    private final ObjectProperty<TextInputControl> target = new SimpleObjectProperty<>();
    private final Map<KeyboardKind, Node> built = new EnumMap<>(KeyboardKind.class);
    private final StackPane view = new StackPane();
    /** Measures the text size the stylesheet gives the screen (1em), unseen. */
    private final javafx.scene.control.Label em = new javafx.scene.control.Label();
    /** The side of a key: 15 mm, or more with large text. */
    private final javafx.beans.binding.DoubleBinding unit;

    /** A key's side in em: a four-character label (全部消す) fits on a key two wide, with a margin. */
    static final double KEY_EM = 2.2;

    public Keyboards(I18n i18n, double keyPx) {
        this.i18n = i18n;
        view.getStyleClass().add("keyboard-area");
        view.setAlignment(Pos.TOP_CENTER);
        em.setManaged(false);
        em.setVisible(false);
        unit = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(keyPx, KEY_EM * em.getFont().getSize()), em.fontProperty());
    }

    /** The area where the current field's keyboard appears. */
    public Node view() {
        return view;
    }

    /** The field the keys type into. */
    public TextInputControl target() {
        return target.get();
    }

    /** Shows {@code kind} whenever {@code field} has the focus (and at once, for the first field). */
    public void attach(TextInputControl field, KeyboardKind kind) {
        field.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                select(field, kind);
            }
        });
        // No copy/cut/paste menu on a long press or right click: what a member typed stays in its field.
        field.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, javafx.event.Event::consume);
        // A touched field goes on at its end: fingers cannot place a caret between two digits.
        field.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> field.end());
        if (target.get() == null) {
            select(field, kind);
        }
    }

    /** Switches the current field to another keyboard (katakana or letters for a free answer). */
    public void show(KeyboardKind kind) {
        TextInputControl t = target.get();
        if (t != null) {
            select(t, kind);
            t.requestFocus();
            t.end();
        }
    }

    private void select(TextInputControl field, KeyboardKind kind) {
        target.set(field);
        view.getChildren().setAll(em, built.computeIfAbsent(kind, this::build));
    }

    private Node build(KeyboardKind kind) {
        return switch (kind) {
            case NUMERIC -> new NumericPad(this);
            case KANA -> new KanaKeyboard(this);
            case ALPHANUMERIC -> new AlphanumericKeyboard(this);
        };
    }

    // ---- what keys do -------------------------------------------------------------------------

    /**
     * The field keys type into, focused; when the focus had gone elsewhere (a button was pressed)
     * typing goes on at the end of the field.
     */
    private TextInputControl focusedTarget() {
        TextInputControl t = target.get();
        if (t != null && !t.isFocused()) {
            t.requestFocus();
            t.end();
        }
        return t;
    }

    /** Types text at the caret of the field (through its formatter, so limits hold). */
    void type(String s) {
        TextInputControl t = focusedTarget();
        if (t != null && !t.isDisabled()) {
            t.replaceSelection(s);
        }
    }

    void backspace() {
        TextInputControl t = focusedTarget();
        if (t == null) {
            return;
        }
        if (t.getSelection().getLength() > 0) {
            t.replaceSelection("");
        } else if (t.getCaretPosition() > 0) {
            t.deletePreviousChar();
        }
    }

    void clear() {
        TextInputControl t = target.get();
        if (t != null) {
            t.clear();
        }
    }

    /** Changes the character before the caret (濁点, 半濁点, 小). */
    void transformLast(UnaryOperator<Character> f) {
        TextInputControl t = focusedTarget();
        if (t == null || t.getCaretPosition() == 0) {
            return;
        }
        int at = t.getCaretPosition() - 1;
        char c = t.getText().charAt(at);
        char changed = f.apply(c);
        if (changed != c) {
            t.selectRange(at, at + 1);
            t.replaceSelection(String.valueOf(changed));
        }
    }

    // ---- building keys ------------------------------------------------------------------------


    I18n i18n() {
        return i18n;
    }

    /** A key that types its own label. */
    Button key(String label, String id) {
        Button b = new Button(label);
        b.setId(AutomationIds.KEY_PREFIX + id);
        b.getStyleClass().add("key");
        size(b, 1);
        b.setOnAction(e -> type(label));
        return b;
    }

    /** A key with a translated label and an action, {@code width} keys wide. */
    Button function(String messageKey, String id, double width, Runnable action) {
        Button b = Ui.button(i18n, messageKey, id, "key", "key-function");
        size(b, width);
        b.setOnAction(e -> action.run());
        return b;
    }

    Button backspaceKey(double width) {
        return function("keyboard.delete", AutomationIds.KEY_DELETE, width, this::backspace);
    }

    Button clearKey(double width) {
        return function("keyboard.clear", AutomationIds.KEY_CLEAR, width, this::clear);
    }

    /** Sizes a key {@code width} keys wide and one key tall. */
    void size(Button b, double width) {
        b.setFocusTraversable(false);
        var w = unit.multiply(width);
        for (var p : java.util.List.of(b.minWidthProperty(), b.prefWidthProperty(), b.maxWidthProperty())) {
            p.bind(w);
        }
        for (var p : java.util.List.of(b.minHeightProperty(), b.prefHeightProperty(), b.maxHeightProperty())) {
            p.bind(unit);
        }
    }
}
