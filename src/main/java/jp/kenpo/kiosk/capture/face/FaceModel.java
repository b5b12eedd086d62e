package jp.kenpo.kiosk.capture.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

import jp.kenpo.kiosk.capture.OpenCv;

/** Loads one of MediaPipe's TFLite models that the build put on the class path (see src/build). */
final class FaceModel {

    private FaceModel() {
    }

    static Net load(String name) {
        OpenCv.load();
        String resource = "/jp/kenpo/kiosk/capture/face/" + name;
        try (InputStream in = FaceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the face model " + resource + " is not in this build");
            }
            MatOfByte bytes = new MatOfByte(in.readAllBytes());
            Net net = Dnn.readNetFromTFLite(bytes);
            bytes.release();
            if (net.empty()) {
                throw new IllegalStateException("OpenCV cannot read the face model " + resource);
            }
            return net;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
