package jp.kenpo.kiosk.testing;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/** JPEG for generated camera frames. */
public final class Jpeg {

    private Jpeg() {
    }

    /** The frame encoded as a JPEG of the given quality (0–100) and decoded again: what a camera's stream delivers. */
    public static Mat roundTrip(Mat frame, int quality) {
        MatOfByte jpeg = new MatOfByte();
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
        Imgcodecs.imencode(".jpg", frame, jpeg, params);
        Mat decoded = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_COLOR);
        jpeg.release();
        params.release();
        return decoded;
    }
}
