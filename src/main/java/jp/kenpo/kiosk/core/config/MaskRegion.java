package jp.kenpo.kiosk.core.config;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.session.KioskSession.Side;

/**
 * A part of a document that is blacked out on the stored image (for example the organ-donation
 * field), in millimetres from the card's top-left corner on the 85.60 × 53.98 mm ID-1 card.
 *
 * @param label what is hidden, for the administrator (not shown to members)
 */
public record MaskRegion(DocumentType document, Side side, double x, double y, double width, double height,
                         String label) {

    public static final double CARD_WIDTH_MM = 85.60;
    public static final double CARD_HEIGHT_MM = 53.98;

    /** Whether the region lies on the card and has an area. */
    public boolean onCard() {
        return x >= 0 && y >= 0 && width > 0 && height > 0
                && x + width <= CARD_WIDTH_MM + 1e-9 && y + height <= CARD_HEIGHT_MM + 1e-9;
    }

    public boolean appliesTo(DocumentType type, Side s) {
        return document == type && side == s;
    }
}
