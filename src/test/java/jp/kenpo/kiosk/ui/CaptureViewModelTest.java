package jp.kenpo.kiosk.ui;

import static jp.kenpo.kiosk.testing.Steps.goesOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.config.MaskRegion;
import jp.kenpo.kiosk.core.document.CardReason;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.port.CameraRequest;
import jp.kenpo.kiosk.core.port.DocumentCamera;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.KioskSession.Side;
import jp.kenpo.kiosk.core.session.SessionId;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.document.CaptureViewModel;
import jp.kenpo.kiosk.ui.document.CaptureViewModel.Phase;

/** The capture step's logic against a scripted camera (the real one is tested in capture/ and TestFX). */
class CaptureViewModelTest {

    /** The scripted camera, with frames of a card analysis. */
    static final class ScriptedCard extends ScriptedPreview {
        void frame(CardReason reason, double steady) {
            frame(reason != CardReason.NOT_FOUND, reason == null ? null : reason.messageKey(), steady);
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final ScriptedCard preview = new ScriptedCard();
    private final List<CameraRequest> requests = new ArrayList<>();
    private final List<List<MaskRegion>> masksAsked = new ArrayList<>();
    private final DocumentCamera camera = (request, masks) -> {
        requests.add(request);
        masksAsked.add(masks);
        return preview;
    };

    private static KioskSession session(DocumentType type, Boolean backEntries) {
        KioskSession s = new KioskSession(SessionId.random(new SeededRandom(1)), Instant.EPOCH);
        s.document(type);
        if (backEntries != null) {
            s.backHasEntries(backEntries);
        }
        return s;
    }

    private CaptureViewModel vm(KioskSession s, Side side, List<MaskRegion> masks) {
        CaptureViewModel vm = new CaptureViewModel(s, side, camera, masks, clock, Duration.ofSeconds(45));
        vm.start();
        return vm;
    }

    @Test
    void guidanceFollowsTheNewestFrame() {
        CaptureViewModel vm = vm(session(DocumentType.DRIVERS_LICENSE, null), Side.FRONT, List.of());
        assertThat(requests).containsExactly(CameraRequest.CARD_FRONT);
        assertThat(vm.poll()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("capture.camera.starting"));
        for (CardReason r : CardReason.values()) {
            // a reason held for more than half a second is shown
            ScriptedPreview.frames(4, 200, clock, () -> preview.frame(r, 0), vm::poll);
            assertThat(vm.messageProperty().get()).isEqualTo(Message.of(r.messageKey()));
        }
        ScriptedPreview.frames(4, 200, clock, () -> preview.frame(null, 0.6), vm::poll);
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("capture.hold"));
        assertThat(vm.steadyProperty().get()).isEqualTo(0.6);
        assertThat(vm.poll()).as("no new frame: nothing to draw, guidance kept").isNull();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("capture.hold"));
    }

    /** A camera at the edge of a judgement: not found, blurry, not found, … four times a second. */
    @Test
    void alternatingReasonsDoNotMakeTheSentenceFlickerNorHoldBackTheCapture() {
        CaptureViewModel vm = vm(session(DocumentType.DRIVERS_LICENSE, null), Side.FRONT, List.of());
        List<Message> shown = new ArrayList<>();
        vm.messageProperty().addListener((o, was, now) -> shown.add(now));
        for (int i = 0; i < 20; i++) {
            ScriptedPreview.frames(1, 250, clock, () -> preview.frame(CardReason.NOT_FOUND, 0), vm::poll);
            ScriptedPreview.frames(1, 250, clock, () -> preview.frame(CardReason.BLURRY, 0), vm::poll);
        }
        assertThat(shown).as("one change, from 'starting' to the first reason, in ten seconds")
                .containsExactly(Message.of("capture.reason.notFound"));
        // the card now stays blurry: after half a second the sentence says so
        ScriptedPreview.frames(3, 250, clock, () -> preview.frame(CardReason.BLURRY, 0), vm::poll);
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("capture.reason.blurry"));
        // the steadiness bar and the capture follow the frames at once
        preview.frame(null, 0.4);
        vm.poll();
        assertThat(vm.steadyProperty().get()).isEqualTo(0.4);
        preview.captured = new byte[] {7};
        vm.poll();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.REVIEW);
    }

    @Test
    void aCaptureIsReviewedAndGoesIntoTheSessionOnlyWithNext() {
        KioskSession s = session(DocumentType.DRIVERS_LICENSE, true);
        CaptureViewModel vm = vm(s, Side.BACK, List.of());
        assertThat(requests).containsExactly(CameraRequest.CARD_BACK);
        assertThat(vm.title()).isEqualTo(Message.of("capture.title.back", Message.of("document.driversLicense")));
        assertThat(goesOn(vm)).as("nothing to keep yet").isFalse();
        assertThat(vm.reviewing().get()).isFalse();

        byte[] first = {1, 2, 3};
        preview.captured = first;
        vm.poll();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.REVIEW);
        assertThat(vm.reviewing().get()).isTrue();
        assertThat(vm.capturedProperty().get()).isSameAs(first);
        assertThat(vm.messageProperty().get()).isNull();
        preview.frame(CardReason.BLURRY, 0);
        assertThat(vm.poll()).as("the preview pauses while reviewing").isNull();

        vm.retake();
        assertThat(first).as("a picture not kept is overwritten").containsOnly(0);
        assertThat(preview.retakes).isEqualTo(1);
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.PREVIEW);
        assertThat(s.documentImages()).isEmpty();

        byte[] second = {4, 5, 6};
        preview.captured = second;
        vm.poll();
        assertThat(goesOn(vm)).isTrue();
        assertThat(s.documentImages().get(Side.BACK)).isSameAs(second);
        vm.dispose();
        assertThat(preview.closed).isTrue();
        assertThat(second).as("the session owns the kept picture").containsExactly(4, 5, 6);
    }

    @Test
    void leavingWithoutNextOverwritesThePictureAndStopsTheCamera() {
        CaptureViewModel vm = vm(session(DocumentType.RESIDENCE_CARD, null), Side.FRONT, List.of());
        byte[] taken = {9, 9};
        preview.captured = taken;
        vm.poll();
        vm.dispose();
        assertThat(taken).containsOnly(0);
        assertThat(preview.closed).isTrue();
    }

    @Test
    void theShutterIsPassedOnOnlyWhileLooking() {
        CaptureViewModel vm = vm(session(DocumentType.MY_NUMBER_CARD, null), Side.FRONT, List.of());
        vm.shutter();
        assertThat(preview.shutters).isEqualTo(1);
        preview.captured = new byte[] {1};
        vm.poll();
        vm.shutter();
        assertThat(preview.shutters).isEqualTo(1);
    }

    @Test
    void noCameraSaysSoAndTheHelpShowsAfterTheTimeLimit() {
        CaptureViewModel vm = vm(session(DocumentType.DRIVERS_LICENSE, null), Side.FRONT, List.of());
        preview.state = CameraState.UNAVAILABLE;
        vm.poll();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("capture.camera.unavailable"));
        assertThat(vm.cameraAvailableProperty().get()).isFalse();

        preview.frame(CardReason.NOT_FOUND, 0); // the camera is back
        vm.poll();
        assertThat(vm.cameraAvailableProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("capture.reason.notFound"));
        clock.advance(Duration.ofSeconds(44));
        preview.frame(CardReason.GLARE, 0);
        vm.poll();
        assertThat(vm.helpShownProperty().get()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        vm.poll();
        assertThat(vm.helpShownProperty().get()).isTrue();
        vm.retake();
        vm.poll();
        assertThat(vm.helpShownProperty().get()).as("the time limit starts again").isFalse();
    }

    @Test
    void theMasksOfTheSideGoToTheCameraAndTheMyNumberBackIsNeverAskedFor() {
        MaskRegion field = new MaskRegion(DocumentType.DRIVERS_LICENSE, Side.BACK, 2, 38, 81.6, 14, "organ donation");
        vm(session(DocumentType.DRIVERS_LICENSE, true), Side.BACK, List.of(field));
        assertThat(masksAsked).containsExactly(List.of(field));
        assertThatThrownBy(() -> new CaptureViewModel(session(DocumentType.MY_NUMBER_CARD, true), Side.BACK, camera,
                List.of(), clock, Duration.ofSeconds(45))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CaptureViewModel(session(DocumentType.DRIVERS_LICENSE, false), Side.BACK, camera,
                List.of(), clock, Duration.ofSeconds(45))).isInstanceOf(IllegalStateException.class);
    }
}
