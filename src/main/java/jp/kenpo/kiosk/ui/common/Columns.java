package jp.kenpo.kiosk.ui.common;

import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Children in columns of equal width, down the first column and then the next, each row as tall as
 * its tallest child at the column's width (and never under a child's minimum height): wrapping texts
 * (a checklist, long choices) get the lines they need at every text size, which a GridPane with
 * percentage columns does not give them.
 */
public final class Columns extends Pane {

    private final int columns;
    private double hgap;
    private double vgap;

    public Columns(int columns, double hgap, double vgap, Node... children) {
        this.columns = columns;
        this.hgap = hgap;
        this.vgap = vgap;
        getChildren().addAll(children);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private int rows() {
        return (managed().size() + columns - 1) / columns;
    }

    private List<Node> managed() {
        return getManagedChildren();
    }

    private double columnWidth(double width) {
        double inner = width - snappedLeftInset() - snappedRightInset();
        return Math.max(0, (inner - hgap * (columns - 1)) / columns);
    }

    /** The height of {@code row} at this column width. */
    private double rowHeight(int row, double column) {
        double h = 0;
        int rows = rows();
        List<Node> kids = managed();
        for (int c = 0; c < columns; c++) {
            int i = c * rows + row;
            if (i < kids.size()) {
                Node kid = kids.get(i);
                // never under a child's minimum: a one-line choice keeps the 64 px its style sheet asks
                h = Math.max(h, Math.max(kid.minHeight(column), kid.prefHeight(column)));
            }
        }
        return h;
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (Node n : managed()) {
            w = Math.max(w, n.prefWidth(-1));
        }
        return snappedLeftInset() + snappedRightInset() + w * columns + hgap * (columns - 1);
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + hgap * (columns - 1);
    }

    @Override
    protected double computePrefHeight(double width) {
        double column = columnWidth(width < 0 ? computePrefWidth(-1) : width);
        double h = 0;
        int rows = rows();
        for (int r = 0; r < rows; r++) {
            h += rowHeight(r, column);
        }
        return snappedTopInset() + snappedBottomInset() + h + vgap * Math.max(0, rows - 1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double column = columnWidth(getWidth());
        int rows = rows();
        List<Node> kids = managed();
        double y = snappedTopInset();
        for (int r = 0; r < rows; r++) {
            double h = rowHeight(r, column);
            for (int c = 0; c < columns; c++) {
                int i = c * rows + r;
                if (i < kids.size()) {
                    kids.get(i).resizeRelocate(snappedLeftInset() + c * (column + hgap), y, column, h);
                }
            }
            y += h + vgap;
        }
    }
}
