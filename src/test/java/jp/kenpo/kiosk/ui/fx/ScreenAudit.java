package jp.kenpo.kiosk.ui.fx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;

/**
 * What a member at arm's length needs from a rendered screen, measured on the scene graph and its
 * snapshot: every shown text at least {@code minTextPx} (headings {@code minHeadingPx}); every
 * control at least 15 mm both ways, and the buttons and fields of the screens (the keys of the
 * on-screen keyboards are sized in millimetres by themselves) at least {@code minControlPx} tall;
 * every text's contrast against the colour rendered behind it at least {@code minContrast} (WCAG
 * 2.x relative luminance; disabled controls are exempt, as in WCAG); and every control an
 * accessible role and name, for a screen reader.
 *
 * @param minTextPx    the smallest text, in px
 * @param minHeadingPx the smallest title, in px
 * @param minTargetPx  15 mm at the screen's density
 * @param minControlPx the least height of a button or a field
 * @param minContrast  4.5 (WCAG AA) in the normal theme, 7 (AAA) in the high-contrast one
 */
record ScreenAudit(double minTextPx, double minHeadingPx, double minTargetPx, double minControlPx, double minContrast) {

    /** Style classes of the screens' titles. */
    static final List<String> HEADINGS = List.of("screen-title", "welcome-title", "dialog-title");

    /** Adds one line per problem of the screen {@code where}, rendered as {@code shot}, to {@code problems}. */
    void check(Parent root, Image shot, String where, Consumer<String> problems) {
        walk(root, shot, where, problems, 1.0, false);
    }

    /** Only the colours: for the same screen drawn in another theme. */
    void checkContrast(Parent root, Image shot, String where, Consumer<String> problems) {
        walk(root, shot, where, problems, 1.0, true);
    }

    private void walk(Node node, Image shot, String where, Consumer<String> problems, double opacity,
                      boolean contrastOnly) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        double shown = opacity * node.getOpacity();
        if (node instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
            if (!contrastOnly) {
                textSize(t, where, problems);
            }
            contrast(t, shot, shown, where, problems);
        }
        if (!contrastOnly && control(node)) {
            target(node, where, problems);
            name(node, where, problems);
        }
        if (node instanceof Parent p) {
            List<Node> children = p.getChildrenUnmodifiable();
            for (int i = covered(children); i < children.size(); i++) {
                walk(children.get(i), shot, where, problems, shown, contrastOnly);
            }
        }
    }

    /** Layers that cover what lies below them (a dialog over a dimmed screen, staff's layer): what is under one is not read. */
    static final List<String> COVERING = List.of("modal-layer", "staff-layer");

    /** The index of the last child that covers the ones before it, or 0. */
    private static int covered(List<Node> children) {
        for (int i = children.size() - 1; i > 0; i--) {
            Node c = children.get(i);
            if (c.isVisible() && c.getStyleClass().stream().anyMatch(COVERING::contains)) {
                return i;
            }
        }
        return 0;
    }

    /** A node a member touches: buttons, toggles, check boxes, fields, and anything else that takes a click. */
    static boolean control(Node n) {
        return n instanceof ButtonBase || n instanceof TextInputControl || n instanceof ComboBoxBase<?>
                || (n.getOnMouseClicked() != null && !n.getStyleClass().contains("staff-entry"));
    }

    private void textSize(Text t, String where, Consumer<String> problems) {
        double size = t.getFont().getSize();
        boolean heading = hasClassNear(t, HEADINGS);
        double min = heading ? minHeadingPx : minTextPx;
        if (size < min - 0.01) {
            problems.accept(where + ": " + (heading ? "heading" : "text") + " '" + brief(t.getText()) + "' is "
                    + round(size) + " px, under " + round(min) + " px (" + owner(t) + ")");
        }
    }

    private void target(Node n, String where, Consumer<String> problems) {
        Bounds b = n.getLayoutBounds();
        boolean key = n.getStyleClass().contains("key");
        double minHeight = key ? minTargetPx : Math.max(minTargetPx, minControlPx);
        if (b.getWidth() < minTargetPx - 0.5 || b.getHeight() < minHeight - 0.5) {
            problems.accept(where + ": control " + id(n) + " is " + round(b.getWidth()) + "×" + round(b.getHeight())
                    + " px, under " + round(minTargetPx) + "×" + round(minHeight) + " px");
        }
    }

    private static void name(Node n, String where, Consumer<String> problems) {
        AccessibleRole role = n.getAccessibleRole();
        if (role == null || role == AccessibleRole.NODE || role == AccessibleRole.PARENT) {
            problems.accept(where + ": control " + id(n) + " has no accessible role");
        }
        if (accessibleName(n).isBlank()) {
            problems.accept(where + ": control " + id(n) + " (" + n.getClass().getSimpleName()
                    + ") has no accessible name");
        }
    }

    /**
     * What a screen reader announces for a control: its accessible text, else its own label, else (a
     * field) the label that names it ({@link Label#setLabelFor}).
     */
    static String accessibleName(Node n) {
        if (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) {
            return n.getAccessibleText();
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && !symbolsOnly(l.getText())) {
            return l.getText();
        }
        if (n instanceof TextInputControl && n.getScene() != null) {
            for (Node label : n.getScene().getRoot().lookupAll(".label")) {
                if (label instanceof Label l && l.getLabelFor() == n && l.getText() != null && !l.getText().isBlank()) {
                    return l.getText();
                }
            }
        }
        return "";
    }

    /** A label of marks only (゛, ⌫) is not read aloud as what it does; ASCII punctuation (@, ^) is. */
    private static boolean symbolsOnly(String s) {
        return s.codePoints().allMatch(c -> Character.isWhitespace(c) || c > 0x7f && Character.getType(c) == Character.MODIFIER_SYMBOL
                || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.OTHER_SYMBOL);
    }

    private void contrast(Text t, Image shot, double opacity, String where, Consumer<String> problems) {
        if (!(t.getFill() instanceof Color fill) || disabled(t)) {
            return;
        }
        Bounds b = visible(t);
        if (b == null) {
            return;
        }
        Color back = dominant(shot.getPixelReader(), b);
        double alpha = fill.getOpacity() * opacity;
        Color ink = Color.color(fill.getRed() * alpha + back.getRed() * (1 - alpha),
                fill.getGreen() * alpha + back.getGreen() * (1 - alpha),
                fill.getBlue() * alpha + back.getBlue() * (1 - alpha));
        double ratio = ratio(ink, back);
        if (ratio < minContrast) {
            problems.accept(where + ": '" + brief(t.getText()) + "' has contrast " + String.format("%.2f", ratio)
                    + ":1 (" + hex(ink) + " on " + hex(back) + "), under " + minContrast + ":1 (" + owner(t) + ")");
        }
    }

    /** The part of the text on the screen: inside the window and every scrolled viewport around it. */
    private static Bounds visible(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        Bounds window = new BoundingBox(0, 0, n.getScene().getWidth(), n.getScene().getHeight());
        b = intersect(b, window);
        for (Node p = n.getParent(); p != null && b != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                // the scroll pane's own box: its content's parent moves with the scrolling
                b = intersect(b, sp.localToScene(sp.getLayoutBounds()));
            }
        }
        return b == null || b.getWidth() < 2 || b.getHeight() < 2 ? null : b;
    }

    private static Bounds intersect(Bounds a, Bounds c) {
        double x0 = Math.max(a.getMinX(), c.getMinX());
        double y0 = Math.max(a.getMinY(), c.getMinY());
        double x1 = Math.min(a.getMaxX(), c.getMaxX());
        double y1 = Math.min(a.getMaxY(), c.getMaxY());
        return x1 <= x0 || y1 <= y0 ? null : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** The colour behind a text: the commonest pixel of its box (glyphs cover far less of it). */
    private static Color dominant(PixelReader r, Bounds b) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = (int) Math.ceil(b.getMinY()); y < (int) b.getMaxY(); y++) {
            for (int x = (int) Math.ceil(b.getMinX()); x < (int) b.getMaxX(); x++) {
                counts.merge(r.getArgb(x, y) | 0xff000000, 1, Integer::sum);
            }
        }
        int argb = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    /** WCAG 2.x contrast ratio of two opaque colours. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static boolean disabled(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.isDisabled()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasClassNear(Node n, List<String> classes) {
        Node p = n;
        for (int i = 0; i < 3 && p != null; i++, p = p.getParent()) {
            if (p.getStyleClass().stream().anyMatch(classes::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The nearest id above a node, to find it in the code. */
    private static String owner(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getId() != null) {
                return "in #" + p.getId();
            }
        }
        return "no id";
    }

    private static String id(Node n) {
        return n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName() + " " + owner(n);
    }

    private static String brief(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 30 ? one.substring(0, 30) + "…" : one;
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static long round(double v) {
        return Math.round(v);
    }
}
