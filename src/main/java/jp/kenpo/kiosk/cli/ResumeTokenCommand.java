package jp.kenpo.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.central.DemoSignups;
import jp.kenpo.kiosk.central.ResumeTokenIssuer;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.resume.ResumeStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code central resume-token --step STEP --insurer N [--png FILE]}: a resume QR token for a made-up
 * signup (docs/central-service.md §13), signed with the demo key or {@code --private-key}; the signup's
 * draft is stored in the reference server's {@code central.db}, for the first kiosk that claims it.
 */
@Command(name = "resume-token", description = {
        "Issue a resume QR token for a made-up app signup (demonstrations and tests) and store its draft",
        "in the reference central server's data; prints the token, and writes its QR code with --png."})
public final class ResumeTokenCommand implements Callable<Integer> {

    @ParentCommand
    CentralCommand central;

    @Spec
    CommandSpec spec;

    @Option(names = "--step", required = true, paramLabel = "STEP",
            description = "account_created or identity_verified")
    String step;

    @Option(names = "--insurer", required = true, paramLabel = "NUMBER", description = "the insurer number (8 digits)")
    String insurer;

    @Option(names = "--png", paramLabel = "FILE", description = "write the token's QR code here (PNG)")
    Path png;

    @Option(names = "--membership-done", description = "the draft holds the card and birthdate (membership entered in the app)")
    boolean membershipDone;

    @Option(names = "--hours", paramLabel = "H", defaultValue = "24", description = "validity, 1..24 hours (default: ${DEFAULT-VALUE})")
    int hours;

    @Option(names = "--signing-key", paramLabel = "FILE",
            description = "the Ed25519 signing key, PEM PKCS#8 (default: the demo key beside the configuration)")
    Path signingKey;

    @Option(names = "--kid", paramLabel = "KID", description = "its key id (default: " + ResumeTokenIssuer.DEMO_KID + ")")
    String kid;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResumeStep s = ResumeStep.fromWire(step).orElse(null);
        if (s == null) {
            err.println("resume-token: --step is account_created or identity_verified");
            return 2;
        }
        if (!InsurerNumber.parse(insurer).ok()) {
            err.println("resume-token: --insurer is an insurer number of 8 digits");
            return 2;
        }
        if (hours < 1 || hours > 24) {
            err.println("resume-token: --hours is 1..24");
            return 2;
        }
        KioskConfig config = central.main.loadConfig(err);
        if (config == null) {
            return Main.EXIT_CONFIG;
        }
        PrivateKey key = ResumeTokenIssuer.readPrivateKey(signingKey != null ? signingKey
                : config.resolve(ResumeTokenIssuer.DEMO_PRIVATE_KEY));
        ResumeTokenIssuer issuer = ResumeTokenIssuer.of(kid != null ? kid : ResumeTokenIssuer.DEMO_KID, key,
                Clock.systemUTC());
        ResumeTokenIssuer.Issued t = issuer.issue(s, insurer, Duration.ofHours(hours));
        Path dataDir = central.data != null ? central.data : config.dataDir().resolve("central");
        CentralServer.storeMadeUpSignup(dataDir, t.rid(), DemoSignups.draft(s, insurer, membershipDone), t.expires());
        if (png != null) {
            DemoSignups.writeQrPng(t.text(), png, 600);
        }
        out.println(t.text());
        out.flush();
        return 0;
    }
}
