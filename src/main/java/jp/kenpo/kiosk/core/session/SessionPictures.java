package jp.kenpo.kiosk.core.session;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kenpo.kiosk.core.session.KioskSession.Side;

/**
 * The pictures part of a {@link KioskSession}: the captured sides of the identity document and the
 * face photos with what was judged on them. A replaced or wiped picture is overwritten first.
 */
final class SessionPictures {

    private final Map<Side, byte[]> documentImages = new EnumMap<>(Side.class);
    private final Map<String, byte[]> faceImages = new LinkedHashMap<>();
    private Double closedMouth;
    private boolean livenessPassed;

    void documentImage(Side side, byte[] encoded) {
        clear(documentImages.put(side, encoded));
    }

    Map<Side, byte[]> documentImages() {
        return Map.copyOf(documentImages);
    }

    void clearDocumentImages() {
        documentImages.values().forEach(SessionPictures::clear);
        documentImages.clear();
    }

    void faceImage(String pose, byte[] encoded) {
        clear(faceImages.put(pose, encoded));
    }

    Map<String, byte[]> faceImages() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(faceImages));
    }

    void closedMouth(double mouthScore) {
        this.closedMouth = mouthScore;
    }

    Double closedMouth() {
        return closedMouth;
    }

    void livenessPassed(boolean passed) {
        this.livenessPassed = passed;
    }

    boolean livenessPassed() {
        return livenessPassed;
    }

    void wipe() {
        clearDocumentImages();
        clearFaces();
    }

    /** Drops the face photos and what was judged from them, to take them again. */
    void clearFaces() {
        faceImages.values().forEach(SessionPictures::clear);
        faceImages.clear();
        closedMouth = null;
        livenessPassed = false;
    }

    private static void clear(byte[] a) {
        if (a != null) {
            Arrays.fill(a, (byte) 0);
        }
    }
}
