package jp.kenpo.kiosk.capture.qr;

/**
 * What the decoder found in one frame: the decoded text ({@code null} when none), which attempt
 * read it, how many attempts ran, and how long it all took.
 */
public record QrResult(String text, QrAttempt by, int attempts, double ms) {

    public boolean found() {
        return text != null;
    }
}
