package jp.kenpo.kiosk.core.port;

import jp.kenpo.kiosk.core.camera.FacePreview;
import jp.kenpo.kiosk.core.face.FaceJudge;

/** The kiosk's camera as the face steps see it: a live, analyzed preview that takes the wanted face. */
public interface FaceCamera {

    /** Starts a face preview; a picture is taken once {@code judge} has wanted enough frames in a row. */
    FacePreview startFace(CameraRequest request, FaceJudge judge);
}
