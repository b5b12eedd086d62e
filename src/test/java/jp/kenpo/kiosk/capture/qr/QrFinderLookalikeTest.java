package jp.kenpo.kiosk.capture.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import jp.kenpo.kiosk.capture.OpenCv;
import jp.kenpo.kiosk.central.ResumeTokenIssuer;
import jp.kenpo.kiosk.core.resume.ResumeStep;

/**
 * Resume tokens whose own data forms a square like a finder pattern: ZXing's reader takes that
 * square for a corner of the code and fails on every frame, however sharp (about one token in 200,
 * at most module sizes). These three tokens are such codes; the decoder reads them, live and still.
 */
class QrFinderLookalikeTest {

    static final List<String> LOOKALIKES = List.of(
            "KR1.eyJyaWQiOiJucENRMlJaNWZKQUc2MGhOT281c3RRIiwia2lkIjoiZGVtby1yZXN1bWUtMjAyNiIsImlhdCI6MTc5NjIxOTMwNSwiZXhwI"
                    + "joxNzk2MjIyOTA1LCJzdGVwIjoiYWNjb3VudF9jcmVhdGVkIiwiaW5zIjoiMDExMzAwMTIifQ.9j031mKXIlH1eWujWjw7sR9EAzG"
                    + "WVMY796ierwrMYlUcUCvJggEgJrLJhqvlZLphs1ZFMwfLyjkTpWUSEZc3Dg",
            "KR1.eyJyaWQiOiJWTWV1WHVGM1ZTMS0tVzlBNjN2UV9BIiwia2lkIjoiZGVtby1yZXN1bWUtMjAyNiIsImlhdCI6MTc5NjIxOTMwNiwiZXhwI"
                    + "joxNzk2MjIyOTA2LCJzdGVwIjoiYWNjb3VudF9jcmVhdGVkIiwiaW5zIjoiMDExMzAwMTIifQ.YGcO0Ad3f_KKKg131do15UXLw8O"
                    + "Do0sfcZCZNlBm531V55y1PSsRWUfYUb2G8JmdRxcgtjPA5NTCwxHoZal9AA",
            "KR1.eyJyaWQiOiJvVUZMNUJVOGhXSUhlRmhoZ0xfel93Iiwia2lkIjoiZGVtby1yZXN1bWUtMjAyNiIsImlhdCI6MTc5NjIxOTQwMiwiZXhwI"
                    + "joxNzk2MjIzMDAyLCJzdGVwIjoiYWNjb3VudF9jcmVhdGVkIiwiaW5zIjoiMDExMzAwMTIifQ.jKsQbtTBF6_bvw0jlYZaxxqqo8M"
                    + "7diaNItFy1MnVrIxEgtlyiSYBzyYrZbTZpV7kxr2sy4kIliVS3GgPVCyFBQ");

    @ParameterizedTest
    @ValueSource(ints = {6, 8, 10})
    void aCodeWhoseDataLooksLikeAFinderPatternIsRead(int modulePx) {
        OpenCv.load();
        PlainZxing plain = new PlainZxing();
        try (QrDecoder still = new QrDecoder(); QrDecoder live = new QrDecoder()) {
            for (String token : LOOKALIKES) {
                Mat code = bgr(QrFixtures.code(token, ErrorCorrectionLevel.M, modulePx, 4));
                assertThat(plain.qr(code)).as("plain ZXing misses it (the case this test is about)").isNull();
                assertThat(still.decodeAll(code).text()).isEqualTo(token);
                String read = null;
                for (int frame = 0; frame < 8 && read == null; frame++) {
                    read = live.decode(code).text();
                }
                assertThat(read).as("read from a code held still for 8 frames").isEqualTo(token);
                code.release();
            }
        }
    }

    /** Any token the central service may issue is read from a sharp picture of it, at every module size from 3 px. */
    @Test
    void everyIssuedTokenIsReadFromASharpPicture() throws Exception {
        OpenCv.load();
        ResumeTokenIssuer issuer = new ResumeTokenIssuer("demo-resume-2026",
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(),
                Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC), new Random(7));
        Random sizes = new Random(11);
        List<String> unread = new ArrayList<>();
        try (QrDecoder decoder = new QrDecoder()) {
            for (int k = 0; k < 600; k++) {
                String token = issuer.issue(ResumeStep.ACCOUNT_CREATED, "01130012", Duration.ofHours(1)).text();
                int px = 3 + sizes.nextInt(6);
                Mat code = QrFixtures.code(token, ErrorCorrectionLevel.M, px, 4);
                if (!token.equals(decoder.decodeAll(code).text())) {
                    unread.add(px + " px: " + token);
                }
                code.release();
            }
        }
        assertThat(unread).isEmpty();
    }

    private static Mat bgr(Mat gray) {
        Mat bgr = new Mat();
        Imgproc.cvtColor(gray, bgr, Imgproc.COLOR_GRAY2BGR);
        gray.release();
        return bgr;
    }
}
