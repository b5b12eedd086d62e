package jp.kenpo.kiosk.ui.pictures;

import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.ui.I18n;

/**
 * The front of an identity document, drawn so that a member recognises which one they hold: its
 * title as printed, its colours and where the photo sits. Everything on it is made up: lines of grey
 * for the print, a silhouette for the photo, and 見本 stamped across; the My Number card is shown
 * from the front only, as only its front is photographed.
 */
public final class DocumentPicture extends Picture {

    static final double W = 428;
    static final double H = 270;

    private final DocumentType type;

    public DocumentPicture(I18n i18n, DocumentType type) {
        super(W, H);
        this.type = type;
        getStyleClass().add("document-picture");
        describe(i18n.text(textKey(type)));
        switch (type) {
            case DRIVERS_LICENSE -> licence("運転免許証", Color.web("#f3f0e2"), Color.web("#2f6fb5"));
            case DRIVING_HISTORY_CERTIFICATE -> licence("運転経歴証明書", Color.web("#e8eef2"), Color.web("#6b7f8e"));
            case MY_NUMBER_CARD -> myNumberCard();
            case RESIDENCE_CARD -> residenceCard();
            default -> throw new IllegalArgumentException(String.valueOf(type));
        }
        // away from the title, over lines of print
        boolean licenceLike = type == DocumentType.DRIVERS_LICENSE || type == DocumentType.DRIVING_HISTORY_CERTIFICATE;
        stamp(licenceLike ? 240 : 200, licenceLike ? 56 : 196);
    }

    /** The accessible text's key: 「運転免許証の表面の見本」. */
    static String textKey(DocumentType type) {
        return switch (type) {
            case DRIVERS_LICENSE -> "picture.document.driversLicense";
            case MY_NUMBER_CARD -> "picture.document.myNumberCard";
            case DRIVING_HISTORY_CERTIFICATE -> "picture.document.drivingHistoryCertificate";
            case RESIDENCE_CARD -> "picture.document.residenceCard";
        };
    }

    public DocumentType type() {
        return type;
    }

    /** The licence and the driving history certificate: name lines, the coloured validity band, photo right. */
    private void licence(String title, Color paper, Color band) {
        var g = drawing().getChildren();
        g.add(card(paper));
        g.add(Ink.printLine(18, 22, 250, 16));
        g.add(Ink.printLine(18, 50, 330, 14));
        g.add(Ink.box(2, 76, W - 4, 26, 0, band, null, 0));
        g.add(Ink.printLine(18, 114, 180, 14));
        g.add(Ink.printLine(18, 140, 150, 14));
        g.add(Ink.words(title, 18, 196, title.length() > 5 ? 34 : 40, true, Ink.PRINT));
        g.add(Ink.printLine(18, 222, 200, 14));
        photo(300, 116);
    }

    /** 個人番号カード (front): pale with a soft pattern, the title small at the top, photo right. */
    private void myNumberCard() {
        var g = drawing().getChildren();
        g.add(card(new LinearGradient(0, 0, 1, 1, true, CycleMethod.NO_CYCLE,
                new Stop(0, Color.web("#fbf7fb")), new Stop(1, Color.web("#eee6f2")))));
        javafx.scene.Group waves = new javafx.scene.Group();
        for (int i = 0; i < 5; i++) {
            Circle wave = new Circle(80 + i * 70, 250, 120, null);
            wave.setStroke(Color.web("#e2d3ea"));
            wave.setStrokeWidth(3);
            waves.getChildren().add(wave);
        }
        waves.setClip(card(Color.BLACK));
        g.add(waves);
        g.add(card(null));
        g.add(Ink.words("個人番号カード", 18, 40, 30, true, Color.web("#7a3f86")));
        for (int i = 0; i < 4; i++) {
            g.add(Ink.printLine(18, 70 + i * 34, 240 - i * 30, 14));
        }
        photo(300, 56);
    }

    /** 在留カード: the title in Japanese and English, photo right. */
    private void residenceCard() {
        var g = drawing().getChildren();
        g.add(card(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, Color.web("#eaf4fb")), new Stop(1, Color.web("#f8eef3")))));
        g.add(Ink.words("在留カード", 18, 44, 36, true, Color.web("#1f4e79")));
        g.add(Ink.words("RESIDENCE CARD", 20, 72, 18, true, Color.web("#1f4e79")));
        for (int i = 0; i < 5; i++) {
            g.add(Ink.printLine(18, 94 + i * 30, 250 - i * 26, 14));
        }
        photo(300, 56);
    }

    private static Rectangle card(Paint paper) {
        return Ink.box(1.5, 1.5, W - 3, H - 3, 28, paper, Color.web("#7d8fa3"), 3);
    }

    /** A silhouette where the photo is: a head and shoulders, nobody's face. */
    private void photo(double x, double y) {
        var g = drawing().getChildren();
        g.add(Ink.box(x, y, 108, 136, 6, Color.web("#c9d6e3"), null, 0));
        g.add(new Circle(x + 54, y + 50, 26, Color.web("#8ea3b8")));
        g.add(Ink.box(x + 16, y + 86, 76, 50, 34, Color.web("#8ea3b8"), null, 0));
    }

    private void stamp(double x, double y) {
        Circle ring = new Circle(x, y, 46, null);
        ring.setStroke(Color.web("#d9534f"));
        ring.setStrokeWidth(5);
        drawing().getChildren().addAll(ring, Ink.centred("見本", x, y + 14, 38, true, Color.web("#d9534f")));
    }
}
