package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.JsonNode;

import jp.kenpo.kiosk.app.Kiosk;
import jp.kenpo.kiosk.app.config.ConfigLoader;
import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.central.DemoSignups;
import jp.kenpo.kiosk.central.Faults;
import jp.kenpo.kiosk.central.ResumeTokenIssuer;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.resume.ResumeStep;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * 「アプリで登録中の方」 end to end on the demo configuration's virtual camera: the demo's own code,
 * claimed from the embedded reference central server, through capture to the receipt; the same with
 * the central service unreachable; every refusal's sentence and the way back, and the central
 * service's own: a signup it does not know (404), one taken at another kiosk (410), its failure.
 */
class ResumeUiTest extends KioskFxHarness {

    private Path cameraDir;
    private int port;
    /** What the voice guide says, to hear each refusal spoken. */
    private final VoiceGuideUiTest.Recorder voice = new VoiceGuideUiTest.Recorder(VoiceGuideUiTest.readings());

    @Override
    protected jp.kenpo.kiosk.core.port.VoicePlayer voice() {
        return voice;
    }

    @Override
    protected KioskConfig config(Path dataDir) {
        try {
            Path file = TestConfigs.demoCopy(dataDir.resolve("config"));
            cameraDir = file.getParent().resolve("demo-camera");
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.writeString(file, Files.readString(file)
                    .replace("url: http://127.0.0.1:8765", "url: http://127.0.0.1:" + port));
            // Tokens are checked on the kiosk's clock and claimed on the server's: both are now.
            clock.advance(Duration.between(clock.instant(), Instant.now()));
            return new ConfigLoader(Map.of("KIOSK_DATA_DIR", dataDir.toAbsolutePath().toString())::get).load(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    /** Puts one code in front of the virtual camera: the only image of its qr/ folder, the demo's own code gone. */
    private void showCode(String text) throws Exception {
        Files.deleteIfExists(Kiosk.demoQr(kiosk.config()));
        Path qr = cameraDir.resolve("qr");
        if (Files.isDirectory(qr)) {
            try (var files = Files.list(qr)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        DemoSignups.writeQrPng(text, qr.resolve("code-" + System.nanoTime() + ".png"), kiosk.config().camera().width(),
                kiosk.config().camera().height());
    }

    private ResumeTokenIssuer issuer(String kid) throws Exception {
        PrivateKey key = ResumeTokenIssuer.readPrivateKey(Path.of("kiosk-config", ResumeTokenIssuer.DEMO_PRIVATE_KEY));
        return new ResumeTokenIssuer(kid, key, clock, new SecureRandom());
    }

    /**
     * From the resumed screen of an account made in the app: membership at the kiosk, capture, the
     * receipt; returns the sealed registration while it waits in the outbox, or null once delivered.
     */
    private JsonNode throughCaptureToTheReceipt() throws Exception {
        clickOn("#next");
        assertScreen("screen-card");
        card("91", "200001", "1");
        clickOn("#next");
        basicInfo("ケンコウ　タロウ", "showa", "31", "4", "1");
        clickOn("#next");
        clickOn("#next");
        waitForText("#eligibility-result", "保険証の確認ができました");
        clickOn("#next");
        assertScreen("screen-medical-offer");
        photographAndSetTheSecretQuestion();
        clickOn("#submit");
        waitFor("#screen-done", 15);
        assertThat(text("#receiptNumber")).isEqualTo("K07-0001");
        try (Connection c = kiosk.database().connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT sealed FROM outbox")) {
            return rs.next() ? Unsealer.open(rs.getBytes(1)) : null;
        }
    }

    private String consumedResumeId() throws Exception {
        try (Connection c = kiosk.database().connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT resume_id FROM consumed_resume_tokens")) {
            String rid = rs.next() ? rs.getString(1) : null;
            assertThat(rs.next()).as("one rid used").isFalse();
            return rid;
        }
    }

    @Test
    void theDemosCodeResumesOnlineThroughCaptureToTheReceiptAndIsThenUsed() throws Exception {
        kiosk.startSync();
        Path demoCode = Kiosk.demoQr(kiosk.config());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(demoCode));

        clickOn("#resume-qr"); // the scan screen may be gone already: the code is read and claimed in well under a second
        waitFor("#screen-resumed", 20);
        assertThat(text("#resumed-greeting")).isEqualTo("ケ*** タロウ さまの登録の続きです");
        assertThat(text("#resumed-email")).isEqualTo("メールアドレス：ke***@example.jp");
        assertThat(consumedResumeId()).as("not spent at the scan").isNull();

        JsonNode r = throughCaptureToTheReceipt();
        String rid = consumedResumeId();
        assertThat(rid).isNotNull();
        if (r != null) { // not yet delivered
            assertThat(r.get("resumeId").asText()).isEqualTo(rid);
            assertThat(r.get("account").get("email").asText()).isEqualTo(DemoSignups.EMAIL);
            assertThat(r.get("account").has("password")).as("no new account").isFalse();
        }
        // The central service took it as the app's signup continued: no account of its own (no password).
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "完了しました".equals(text(".screen-title")));

        clickOn("#done-finish");
        assertScreen("screen-welcome");
        clickOn("#resume-qr");
        waitForText("#message", "このQRコードの登録は、この端末ですでに送信されています。");
        clickOn("#resume-back");
        assertScreen("screen-welcome");
    }

    @Test
    void withTheCentralServiceUnreachableTheCardNameAndBirthdateAreAskedAgain() throws Exception {
        ResumeTokenIssuer.Issued t = issuer(ResumeTokenIssuer.DEMO_KID).issue(ResumeStep.ACCOUNT_CREATED, "01130012",
                Duration.ofHours(1));
        showCode(t.text());
        clickOn("#resume-qr");
        waitFor("#screen-resumed", 30);
        assertThat(text("#resumed-greeting")).startsWith("ただいま本部のシステムにつながりません。");
        assertThat(present("#resumed-email")).isFalse();

        JsonNode r = throughCaptureToTheReceipt();
        assertThat(r.get("resumeId").asText()).isEqualTo(t.rid());
        assertThat(consumedResumeId()).isEqualTo(t.rid());
        assertThat(r.get("account").has("password")).as("no new account").isFalse();
        assertThat(r.get("account").has("email")).isFalse();
        assertThat(r.get("member").get("birthDate").asText()).isEqualTo("1956-04-01");
    }

    /**
     * Each code, held up at the scan screen, shows its sentence, which the voice guide says;
     * 戻る leads to the welcome screen.
     */
    private void eachShowsItsSentenceAndTheWayBack(Map<String, String> codes) throws Exception {
        java.util.Properties messages = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(ResumeUiTest.class.getResourceAsStream("/i18n/messages.properties"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        for (Map.Entry<String, String> c : codes.entrySet()) {
            showCode(c.getKey());
            clickOn("#resume-qr");
            assertScreen("screen-resume-scan");
            waitForText("#message", c.getValue());
            String key = messages.stringPropertyNames().stream().filter(k -> messages.getProperty(k).equals(c.getValue()))
                    .findFirst().orElseThrow();
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(voice.last()).as("the refusal is spoken").isEqualTo("ja " + key);
            assertThat(shell.session().orElseThrow().resumeId()).as("nothing resumed").isNull();
            clickOn("#resume-back");
            assertScreen("screen-welcome");
            assertThat(shell.session()).as("the session is wiped").isEmpty();
        }
    }

    @Test
    void eachRefusalShowsItsSentenceAndTheWayBack() throws Exception {
        ResumeTokenIssuer demo = issuer(ResumeTokenIssuer.DEMO_KID);
        String good = demo.issue(ResumeStep.ACCOUNT_CREATED, "01130012", Duration.ofHours(1)).text();
        int sig = good.lastIndexOf('.') + 1;
        String flipped = good.substring(0, sig) + (good.charAt(sig) == 'A' ? 'B' : 'A') + good.substring(sig + 1);
        Instant now = clock.instant();
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        codes.put("https://example.jp/app", "登録の続きのQRコードではありません。アプリに表示されたQRコードをかざしてください。");
        codes.put("KR1." + "A".repeat(600), "このQRコードは読み取れません。アプリに表示されたQRコードをかざしてください。");
        codes.put(issuer("other-key").issue(ResumeStep.ACCOUNT_CREATED, "01130012", Duration.ofHours(1)).text(),
                "このQRコードは、この端末では使えません。係員にお声がけください。");
        codes.put(flipped, "このQRコードは正しくありません。アプリでQRコードを表示しなおしてください。");
        codes.put(demo.issue("AAAAAAAAAAAAAAAAAAAAAA", ResumeStep.ACCOUNT_CREATED, "01130012",
                now.minus(Duration.ofHours(3)), Duration.ofHours(1)).text(),
                "このQRコードは有効期限が切れています。アプリでQRコードを表示しなおしてください。");
        codes.put(demo.issue("AAAAAAAAAAAAAAAAAAAAAA", ResumeStep.ACCOUNT_CREATED, "01130012",
                now.plus(Duration.ofHours(1)), Duration.ofHours(1)).text(),
                "このQRコードはまだ使えません。端末の時計がずれているおそれがあります。係員にお声がけください。");
        codes.put(demo.issue(ResumeStep.ACCOUNT_CREATED, "12345678", Duration.ofHours(1)).text(),
                "この端末では、アプリでお選びの健康保険組合の登録はお手続きいただけません。");
        eachShowsItsSentenceAndTheWayBack(codes);
    }

    /** The reference central server at the configured address, for this kiosk and another one. */
    private CentralServer central(String otherDevice) throws Exception {
        KioskConfig c = kiosk.config();
        return CentralServer.start(CentralServer.Options.of(dataDir.resolve("central"),
                jp.kenpo.kiosk.central.Unsealer.readPrivateKey(c.resolve(c.central().embedded().privateKeyFile())), c.central().keyId())
                .withPort(port).withDeviceTokens(java.util.Set.of(c.central().deviceToken(), otherDevice)));
    }

    @Test
    void aSignupTheCentralServiceDoesNotGiveShowsItsSentenceAndTheWayBack() throws Exception {
        String otherKiosk = "another-kiosks-device-token";
        try (CentralServer central = central(otherKiosk)) {
            ResumeTokenIssuer demo = issuer(ResumeTokenIssuer.DEMO_KID);
            ResumeTokenIssuer.Issued unknown = demo.issue(ResumeStep.ACCOUNT_CREATED, "01130012", Duration.ofHours(1));
            ResumeTokenIssuer.Issued taken = demo.issue(ResumeStep.ACCOUNT_CREATED, "01130012", Duration.ofHours(1));
            central.addSignup(taken.rid(), DemoSignups.draft(taken.step(), "01130012", false), taken.expires());
            java.net.http.HttpResponse<String> first = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(central.url() + "/v1/signups/" + taken.rid()
                                    + "/claim")).header("Authorization", "Bearer " + otherKiosk)
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).as("claimed at the other kiosk first").isEqualTo(200);

            Map<String, String> codes = new java.util.LinkedHashMap<>();
            codes.put(unknown.text(), "このQRコードの登録が見つかりません。アプリで登録をはじめからやり直してください。");
            codes.put(taken.text(), "このQRコードの登録は、有効期限が切れたか、別の端末で続きが行われています。");
            eachShowsItsSentenceAndTheWayBack(codes);

            // The central service fails (503): the member goes on the offline way, and may still leave.
            central.faults(Faults.NONE.withFail(1.0, 503, 1));
            ResumeTokenIssuer.Issued failed = demo.issue(ResumeStep.ACCOUNT_CREATED, "01130012", Duration.ofHours(1));
            central.addSignup(failed.rid(), DemoSignups.draft(failed.step(), "01130012", false), failed.expires());
            showCode(failed.text());
            clickOn("#resume-qr");
            waitFor("#screen-resumed", 30);
            assertThat(text("#resumed-greeting")).isEqualTo("ただいま本部のシステムにつながりません。"
                    + "保険証の内容とお名前・生年月日をもう一度入力していただき、登録を続けます。");
            assertThat(present("#resumed-email")).isFalse();
            clickOn("#cancel");
            clickOn("#cancel-confirm");
            assertScreen("screen-welcome");
            assertThat(shell.session()).as("the session is wiped").isEmpty();
            assertThat(consumedResumeId()).as("a cancelled resume spends no code").isNull();
        }
    }

    /**
     * The longest refusals at the large text size, in every language: the title and 戻る stay on the
     * screen without scrolling (a member who cannot scroll must still find the way back).
     */
    @Test
    void atTheLargeTextSizeARefusalLeavesTheWayBackOnTheScreen() throws Exception {
        ResumeTokenIssuer demo = issuer(ResumeTokenIssuer.DEMO_KID);
        String future = demo.issue("AAAAAAAAAAAAAAAAAAAAAA", ResumeStep.ACCOUNT_CREATED, "01130012",
                clock.instant().plus(Duration.ofHours(1)), Duration.ofHours(1)).text();
        String notServed = demo.issue(ResumeStep.ACCOUNT_CREATED, "12345678", Duration.ofHours(1)).text();
        for (String lang : jp.kenpo.kiosk.core.config.KioskLanguage.tags()) {
            for (String[] code : new String[][] {{future, "resume.refusal.issuedInFuture"},
                    {notServed, "resume.refusal.unionNotServed"}}) {
                if (!lang.equals("ja")) {
                    language(lang);
                }
                clickOn("#text-size");
                showCode(code[0]);
                clickOn("#resume-qr");
                waitForText("#message", kiosk.services().i18n().get(code[1]));
                javafx.scene.Node back = lookup("#resume-back").query();
                javafx.scene.Node scroller = back;
                while (!(scroller instanceof javafx.scene.control.ScrollPane)) {
                    scroller = scroller.getParent();
                }
                javafx.geometry.Bounds view = scroller.localToScene(scroller.getLayoutBounds());
                javafx.scene.Node title = lookup(".screen-title").query();
                assertThat(back.localToScene(back.getLayoutBounds()).getMaxY()).as(lang + " " + code[1] + ": 戻る")
                        .isLessThanOrEqualTo(view.getMaxY());
                assertThat(title.localToScene(title.getLayoutBounds()).getMinY()).as(lang + " " + code[1] + ": title")
                        .isGreaterThanOrEqualTo(view.getMinY());
                clickOn("#resume-back");
                assertScreen("screen-welcome");
            }
        }
    }
}
