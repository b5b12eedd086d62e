package jp.kenpo.kiosk.core.camera;

/**
 * The white guide frame the member lays the card into: an ID-1 rectangle (85.60 × 53.98 mm)
 * 70 % of the picture's width, centred. The preview draws it; the shutter crops to it when no card
 * was found.
 */
public record GuideFrame(double x, double y, double width, double height) {

    public static final double ID1_RATIO = 85.60 / 53.98;
    public static final double WIDTH_SHARE = 0.7;

    /** The guide in a picture of this size, in the same units. */
    public static GuideFrame in(double pictureWidth, double pictureHeight) {
        double w = pictureWidth * WIDTH_SHARE;
        double h = w / ID1_RATIO;
        if (h > pictureHeight * 0.9) {
            h = pictureHeight * 0.9;
            w = h * ID1_RATIO;
        }
        return new GuideFrame((pictureWidth - w) / 2, (pictureHeight - h) / 2, w, h);
    }
}
