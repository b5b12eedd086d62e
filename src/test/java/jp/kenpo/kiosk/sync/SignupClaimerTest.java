package jp.kenpo.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.central.DemoSignups;
import jp.kenpo.kiosk.central.Faults;
import jp.kenpo.kiosk.core.resume.Claim;
import jp.kenpo.kiosk.core.resume.ResumeStep;
import jp.kenpo.kiosk.core.resume.SignupDraft;
import jp.kenpo.kiosk.testing.Unsealer;

/** The kiosk's claim of an app-started signup against the reference server, over real HTTP. */
class SignupClaimerTest {

    @TempDir
    Path dir;
    CentralServer server;

    @BeforeEach
    void start() throws Exception {
        server = CentralServer.start(CentralServer.Options.of(dir.resolve("central"), Unsealer.demoKey(), "demo-2026")
                .withDeviceTokens(Set.of("kiosk-a", "kiosk-b")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    SignupClaimer claimer(String token, Duration timeout) throws Exception {
        return new SignupClaimer(new CentralClient(server.url(), token, null, timeout));
    }

    @Test
    void theDraftIsClaimedOnceAndReadAsTheContractSays() throws Exception {
        server.addSignup("rid-1", DemoSignups.draft(ResumeStep.IDENTITY_VERIFIED, "01130012", true),
                Instant.now().plusSeconds(600));
        Claim c = claimer("kiosk-a", Duration.ofSeconds(5)).claim("rid-1");
        assertThat(c.outcome()).isEqualTo(Claim.Outcome.CLAIMED);
        SignupDraft d = c.draft();
        assertThat(d.resumeId()).isEqualTo("rid-1");
        assertThat(d.step()).isEqualTo(ResumeStep.IDENTITY_VERIFIED);
        assertThat(d.email()).isEqualTo(DemoSignups.EMAIL);
        assertThat(d.birthDate()).isEqualTo(LocalDate.of(1956, 4, 1));
        assertThat(d.membershipDone()).isTrue();
        assertThat(d.maskedName()).isEqualTo("ケ*** タロウ");
        assertThat(d.maskedEmail()).isEqualTo("ke***@example.jp");

        assertThat(claimer("kiosk-a", Duration.ofSeconds(5)).claim("rid-1").outcome()).isEqualTo(Claim.Outcome.CLAIMED);
        assertThat(claimer("kiosk-b", Duration.ofSeconds(5)).claim("rid-1").outcome()).isEqualTo(Claim.Outcome.GONE);
        assertThat(claimer("kiosk-a", Duration.ofSeconds(5)).claim("no-such").outcome()).isEqualTo(Claim.Outcome.UNKNOWN);
    }

    @Test
    void noAnswerWithinTheDeadlineOrNoServerIsTheOfflinePath() throws Exception {
        server.addSignup("rid-2", DemoSignups.draft(ResumeStep.ACCOUNT_CREATED, "01130012", false),
                Instant.now().plusSeconds(600));
        server.faults(Faults.NONE.withDelayMs(6_000));
        long t0 = System.nanoTime();
        assertThat(claimer("kiosk-a", Duration.ofMillis(500)).claim("rid-2").outcome())
                .isEqualTo(Claim.Outcome.UNREACHABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(4_000));
        server.faults(Faults.NONE.withFail(1.0, 503, 1));
        assertThat(claimer("kiosk-a", Duration.ofSeconds(5)).claim("rid-2").outcome())
                .isEqualTo(Claim.Outcome.UNREACHABLE);

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SignupClaimer nowhere = new SignupClaimer(new CentralClient("http://127.0.0.1:" + closed + "/", "kiosk-a", null,
                Duration.ofSeconds(2)));
        assertThat(nowhere.claim("rid-2").outcome()).isEqualTo(Claim.Outcome.UNREACHABLE);
    }

    @Test
    void aDraftForAnotherIdOrWithoutItsStepIsNotBelieved() {
        assertThat(SignupClaimer.draft("a", "{\"resumeId\":\"b\",\"stepReached\":\"account_created\"}".getBytes())
                .outcome()).isEqualTo(Claim.Outcome.UNREACHABLE);
        assertThat(SignupClaimer.draft("a", "{\"resumeId\":\"a\"}".getBytes()).outcome())
                .isEqualTo(Claim.Outcome.UNREACHABLE);
        assertThat(SignupClaimer.draft("a", "[1]".getBytes()).outcome()).isEqualTo(Claim.Outcome.UNREACHABLE);
    }
}
