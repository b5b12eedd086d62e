package jp.kenpo.kiosk.ui;

import static jp.kenpo.kiosk.testing.Steps.goesOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kenpo.kiosk.central.ResumeTokenIssuer;
import jp.kenpo.kiosk.core.camera.CameraState;
import jp.kenpo.kiosk.core.flow.EntryPoint;
import jp.kenpo.kiosk.core.port.CameraRequest;
import jp.kenpo.kiosk.core.resume.Claim;
import jp.kenpo.kiosk.core.resume.ResumeRefusal;
import jp.kenpo.kiosk.core.resume.ResumeStep;
import jp.kenpo.kiosk.core.resume.ResumeTokenVerifier;
import jp.kenpo.kiosk.core.resume.SignupDraft;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.ResumeSigning;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.resume.ResumeScanViewModel;

/**
 * The resume scan's logic against a scripted camera and central service, with real tokens checked
 * on the kiosk's injected clock (the screen itself: ResumeUiTest): each refusal and each claim
 * answer with its sentence while the camera looks again, the way on with and without the draft,
 * and nothing changed once the step is left.
 */
class ResumeScanViewModelTest {

    static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");
    static final String KID = "k-2026";
    static final String RID = "AAECAwQFBgcICQoLDA0ODw";
    static final String USED_RID = "EBESExQVFhcYGRobHB0eHw";
    static final KeyPair KEYS = keyPair();
    static final ResumeTokenIssuer ISSUER = issuer(KID, KEYS);
    /** The kiosk serves the demo unions; only 01130012's offers medical-access authentication. */
    static final Map<String, Boolean> MEDICAL = Map.of("01130012", true, "133033", false);

    final MutableClock clock = new MutableClock(NOW);
    final ResumeTokenVerifier verifier = new ResumeTokenVerifier(Map.of(KID, KEYS.getPublic()), MEDICAL.keySet(),
            rid -> rid.equals(USED_RID), clock);
    final ScriptedPreview camera = new ScriptedPreview();
    final List<CameraRequest> requests = new ArrayList<>();
    final List<String> claimed = new ArrayList<>();
    final KioskSession session = ViewModelTests.session();
    Function<String, Claim> central = rid -> Claim.of(Claim.Outcome.UNREACHABLE);

    static KeyPair keyPair() {
        return ResumeSigning.keyPair();
    }

    static ResumeTokenIssuer issuer(String kid, KeyPair keys) {
        return ResumeSigning.issuer(kid, keys, NOW);
    }

    static String token(String rid, ResumeStep step, String insurer, Instant issuedAt) {
        return ISSUER.issue(rid, step, insurer, issuedAt, Duration.ofHours(1)).text();
    }

    static String good() {
        return token(RID, ResumeStep.ACCOUNT_CREATED, "01130012", NOW.minusSeconds(60));
    }

    static SignupDraft draft(String rid, ResumeStep step) {
        return new SignupDraft(rid, step, "kenkou.taro@example.jp", true, "01130012", "91", "200001", "1",
                "ケンコウ　タロウ", LocalDate.of(1956, 4, 1), "insured");
    }

    ResumeScanViewModel vm(Executor background) {
        ResumeScanViewModel vm = new ResumeScanViewModel(session, r -> {
            requests.add(r);
            return camera;
        }, verifier, rid -> {
            claimed.add(rid);
            return central.apply(rid);
        }, MEDICAL::get, background, Runnable::run);
        vm.start();
        return vm;
    }

    ResumeScanViewModel vm() {
        return vm(Runnable::run);
    }

    /** The camera reads {@code text} in its newest frame; the view model's next pulse takes it. */
    void read(ResumeScanViewModel vm, String text) {
        camera.frame(true, null, 0);
        camera.captured = text.getBytes(StandardCharsets.UTF_8);
        assertThat(vm.poll()).as("the frame is drawn").isNotNull();
    }

    /** Every refusal of docs/central-service.md §13, as a code held up at the kiosk. */
    static Stream<Arguments> refusals() {
        String g = good();
        int sig = g.lastIndexOf('.') + 1;
        String flipped = g.substring(0, sig) + (g.charAt(sig) == 'A' ? 'B' : 'A') + g.substring(sig + 1);
        return Stream.of(
                Arguments.of("a web address", "https://example.jp/app", ResumeRefusal.NOT_A_TOKEN),
                Arguments.of("over-long", "KR1." + "A".repeat(600), ResumeRefusal.TOO_LONG),
                Arguments.of("another key", issuer("other-kid", keyPair()).issue(RID, ResumeStep.ACCOUNT_CREATED,
                        "01130012", NOW, Duration.ofHours(1)).text(), ResumeRefusal.UNKNOWN_KEY),
                Arguments.of("one changed signature character", flipped, ResumeRefusal.BAD_SIGNATURE),
                Arguments.of("expired", token(RID, ResumeStep.ACCOUNT_CREATED, "01130012", NOW.minus(Duration.ofHours(3))),
                        ResumeRefusal.EXPIRED),
                Arguments.of("issued in the future", token(RID, ResumeStep.ACCOUNT_CREATED, "01130012",
                        NOW.plus(Duration.ofHours(1))), ResumeRefusal.ISSUED_IN_FUTURE),
                Arguments.of("a union not served", token(RID, ResumeStep.ACCOUNT_CREATED, "12345678", NOW),
                        ResumeRefusal.UNION_NOT_SERVED),
                Arguments.of("already sent from this kiosk", token(USED_RID, ResumeStep.ACCOUNT_CREATED, "01130012", NOW),
                        ResumeRefusal.ALREADY_USED));
    }

    @Test
    void theRefusalTableCoversEveryRefusalEachWithItsOwnSentence() {
        Set<ResumeRefusal> rows = refusals().map(a -> (ResumeRefusal) a.get()[2]).collect(Collectors.toSet());
        assertThat(rows).isEqualTo(EnumSet.allOf(ResumeRefusal.class));
        Set<String> keys = new HashSet<>();
        for (ResumeRefusal r : ResumeRefusal.values()) {
            assertThat(keys.add(ResumeScanViewModel.refusalKey(r))).as(r.name()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedCodeShowsItsSentenceClaimsNothingAndTheCameraLooksAgain(String what, String code, ResumeRefusal why) {
        ResumeScanViewModel vm = vm();
        assertThat(requests).containsExactly(CameraRequest.QR);
        read(vm, code);
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of(ResumeScanViewModel.refusalKey(why)));
        assertThat(claimed).as("nothing asked of the central service").isEmpty();
        assertThat(camera.retakes).as("the camera looks again").isEqualTo(1);
        assertThat(vm.busyProperty().get()).as("戻る is usable").isFalse();
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(goesOn(vm)).isFalse();
        assertThat(session.resumeId()).isNull();
        assertThat(session.entry()).isEqualTo(EntryPoint.NEW);
    }

    static Stream<Arguments> unansweredClaims() {
        return Stream.of(
                Arguments.of(Claim.Outcome.UNKNOWN, "resume.claim.unknown"),
                Arguments.of(Claim.Outcome.GONE, "resume.claim.gone"),
                Arguments.of(null, "resume.scan.failed")); // the claim itself failed
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unansweredClaims")
    void aSignupTheCentralServiceDoesNotGiveShowsItsSentenceAndTheCameraLooksAgain(Claim.Outcome outcome, String key) {
        central = rid -> {
            if (outcome == null) {
                throw new IllegalStateException("a broken answer");
            }
            return Claim.of(outcome);
        };
        ResumeScanViewModel vm = vm();
        read(vm, good());
        assertThat(claimed).containsExactly(RID);
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of(key));
        assertThat(camera.retakes).isEqualTo(1);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(goesOn(vm)).isFalse();
        assertThat(session.resumeId()).isNull();
    }

    @Test
    void theSameRefusedCodeStillHeldUpIsNotCheckedAgainButAnotherOneIs() {
        central = rid -> Claim.of(Claim.Outcome.GONE);
        ResumeScanViewModel vm = vm();
        read(vm, good());
        read(vm, good());
        read(vm, good());
        assertThat(claimed).as("claimed once").hasSize(1);
        assertThat(camera.retakes).isEqualTo(3);
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("resume.claim.gone"));

        central = rid -> new Claim(Claim.Outcome.CLAIMED, draft(rid, ResumeStep.ACCOUNT_CREATED));
        String other = token("ICEiIyQlJicoKSorLC0uLw", ResumeStep.ACCOUNT_CREATED, "01130012", NOW);
        read(vm, other);
        assertThat(claimed).containsExactly(RID, "ICEiIyQlJicoKSorLC0uLw");
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).as("the refusal's sentence goes").isNull();
    }

    /** Online: the claimed draft goes into the session; each step and union continues where the flow says. */
    static Stream<Arguments> claimedSignups() {
        return Stream.of(
                Arguments.of(ResumeStep.ACCOUNT_CREATED, "01130012", EntryPoint.RESUMED_ACCOUNT_CREATED, true),
                Arguments.of(ResumeStep.IDENTITY_VERIFIED, "01130012", EntryPoint.RESUMED_IDENTITY_VERIFIED, true),
                Arguments.of(ResumeStep.ACCOUNT_CREATED, "133033", EntryPoint.RESUMED_ACCOUNT_CREATED, false));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("claimedSignups")
    void aClaimedSignupGoesOnWithTheDraft(ResumeStep step, String insurer, EntryPoint entry, boolean medical) {
        SignupDraft d = draft(RID, step);
        central = rid -> new Claim(Claim.Outcome.CLAIMED, d);
        ResumeScanViewModel vm = vm();
        read(vm, token(RID, step, insurer, NOW));
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isNull();
        assertThat(camera.retakes).as("the camera stays paused").isZero();
        assertThat(session.resumeId()).as("nothing changed before the screen goes on").isNull();

        assertThat(goesOn(vm)).isTrue();
        assertThat(session.resumeId()).isEqualTo(RID);
        assertThat(session.entry()).isEqualTo(entry);
        assertThat(session.draft()).isSameAs(d);
        assertThat(session.insurerNumber().digits()).isEqualTo(insurer);
        assertThat(session.facts().medicalOffered()).isEqualTo(medical);
        assertThat(session.facts().membershipFromApp()).isTrue();
        assertThat(session.email()).isEqualTo("kenkou.taro@example.jp");
        assertThat(goesOn(vm)).as("taken once").isFalse();
    }

    @Test
    void withoutAnAnswerTheSignupGoesOnOfflineWithoutADraft() {
        ResumeScanViewModel vm = vm();
        read(vm, good());
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(goesOn(vm)).isTrue();
        assertThat(session.resumeId()).isEqualTo(RID);
        assertThat(session.entry()).isEqualTo(EntryPoint.RESUMED_ACCOUNT_CREATED);
        assertThat(session.draft()).isNull();
        assertThat(session.facts().membershipFromApp()).as("the card is asked again").isFalse();
        assertThat(session.email()).isNull();
    }

    @Test
    void aCodeIsCheckedOnTheKiosksClockUpToItsExpiryAndTwoMinutesOfSkew() {
        String t = token(RID, ResumeStep.ACCOUNT_CREATED, "01130012", NOW); // expires NOW + 1 h
        clock.advance(Duration.ofHours(1).plus(ResumeTokenVerifier.CLOCK_SKEW).plusSeconds(1));
        ResumeScanViewModel late = vm();
        read(late, t);
        assertThat(late.messageProperty().get()).isEqualTo(Message.of("resume.refusal.expired"));

        clock.advance(Duration.ofSeconds(-2));
        ResumeScanViewModel inTime = vm();
        read(inTime, t);
        assertThat(inTime.readyProperty().get()).isTrue();
    }

    @Test
    void whileACodeIsCheckedTheWayBackIsHeldAndOtherCodesWait() {
        Queue<Runnable> background = new ArrayDeque<>();
        ResumeScanViewModel vm = vm(background::add);
        read(vm, good());
        assertThat(vm.busyProperty().get()).as("戻る disabled while checking").isTrue();
        assertThat(vm.busy().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("resume.scan.checking"));
        read(vm, "https://example.jp/app");
        assertThat(background).as("no second check").hasSize(1);
        assertThat(camera.retakes).isEqualTo(1);

        background.remove().run();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.readyProperty().get()).isTrue();
    }

    @Test
    void anAnswerAfterTheScreenIsLeftChangesNothing() {
        Queue<Runnable> background = new ArrayDeque<>();
        central = rid -> Claim.of(Claim.Outcome.GONE);
        ResumeScanViewModel vm = vm(background::add);
        read(vm, good());
        vm.close();
        vm.dispose();
        assertThat(camera.closed).isTrue();
        background.remove().run();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).as("no refusal shown").isEqualTo(Message.of("resume.scan.checking"));
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(vm.poll()).as("no camera after dispose").isNull();
    }

    @ParameterizedTest
    @EnumSource(value = CameraState.class)
    void theCameraIsShownUnavailableOnlyWhenItIs(CameraState state) {
        ResumeScanViewModel vm = vm();
        camera.state = state;
        vm.poll();
        assertThat(vm.cameraAvailableProperty().get()).isEqualTo(state != CameraState.UNAVAILABLE);
    }
}
