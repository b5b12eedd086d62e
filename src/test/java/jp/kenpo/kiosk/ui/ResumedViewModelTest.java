package jp.kenpo.kiosk.ui;

import static jp.kenpo.kiosk.testing.Steps.goesOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kenpo.kiosk.core.flow.Flow;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.resume.ResumeStep;
import jp.kenpo.kiosk.core.resume.ResumeToken;
import jp.kenpo.kiosk.core.resume.SignupDraft;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.resume.ResumedViewModel;

/**
 * 「登録の続き」, one row per kind of resumed signup: whose it is (masked), the address partly hidden,
 * and the sentence of what comes next — which must be the step the flow actually goes to.
 */
class ResumedViewModelTest {

    static final String RID = "AAECAwQFBgcICQoLDA0ODw";
    static final Instant IAT = Instant.parse("2026-12-02T01:00:00Z");
    static final I18n JA = new I18n();
    /** The step each "next" sentence announces. */
    static final Map<String, Step> ANNOUNCED = Map.of(
            "resumed.next.membership", Step.CARD,
            "resumed.next.offer", Step.MEDICAL_OFFER,
            "resumed.next.document", Step.DOCUMENT_CHOICE,
            "resumed.next.confirm", Step.CONFIRM);

    static SignupDraft full(ResumeStep step) {
        return new SignupDraft(RID, step, "kenkou.taro@example.jp", true, "01130012", "91", "200001", "1",
                "ケンコウ　タロウ", LocalDate.of(1956, 4, 1), "insured");
    }

    /** Account and name in the app, the card not yet. */
    static SignupDraft withoutCard(ResumeStep step) {
        return new SignupDraft(RID, step, "ab@example.jp", true, "01130012", null, null, null,
                "ミホン　ハナコ", null, null);
    }

    static SignupDraft bare(ResumeStep step) {
        return new SignupDraft(RID, step, null, false, null, null, null, null, null, null, null);
    }

    static Stream<Arguments> rows() {
        ResumeStep ac = ResumeStep.ACCOUNT_CREATED;
        ResumeStep iv = ResumeStep.IDENTITY_VERIFIED;
        String taro = "ケ*** タロウ さまの登録の続きです";
        String taroMail = "メールアドレス：ke***@example.jp";
        String offline = "ただいま本部のシステムにつながりません。保険証の内容とお名前・生年月日をもう一度入力していただき、登録を続けます。";
        return Stream.of(
                // step, medical offered by the union, draft (null: offline), greeting, email, what comes next
                Arguments.of(ac, true, full(ac), taro, taroMail, "resumed.next.offer"),
                Arguments.of(ac, true, withoutCard(ac), "ミ*** ハナコ さまの登録の続きです", "メールアドレス：a***@example.jp",
                        "resumed.next.membership"),
                Arguments.of(ac, true, bare(ac), "アプリで始めた登録の続きです", null, "resumed.next.membership"),
                Arguments.of(iv, true, full(iv), taro, taroMail, "resumed.next.document"),
                Arguments.of(iv, true, withoutCard(iv), "ミ*** ハナコ さまの登録の続きです", "メールアドレス：a***@example.jp",
                        "resumed.next.membership"),
                Arguments.of(ac, false, full(ac), taro, taroMail, "resumed.next.confirm"),
                Arguments.of(iv, false, full(iv), taro, taroMail, "resumed.next.confirm"),
                Arguments.of(ac, true, null, offline, null, "resumed.next.membership"),
                Arguments.of(iv, true, null, offline, null, "resumed.next.membership"));
    }

    static String ja(Message m) {
        return m == null ? null : JA.get(m.key(), m.args());
    }

    @ParameterizedTest(name = "{0}, medical {1}, draft {2}")
    @MethodSource("rows")
    void saysWhoseSignupContinuesAndWhatComesNext(ResumeStep step, boolean medical, SignupDraft draft, String greeting,
                                                   String email, String nextKey) {
        KioskSession session = ViewModelTests.session();
        session.resumedFrom(new ResumeToken(RID, "k", IAT, IAT.plusSeconds(3600), step, medical ? "01130012" : "133033"),
                medical, draft);
        ResumedViewModel vm = new ResumedViewModel(session);

        assertThat(vm.online()).isEqualTo(draft != null);
        assertThat(ja(vm.greeting())).isEqualTo(greeting);
        assertThat(ja(vm.email())).isEqualTo(email);
        assertThat(vm.next()).isEqualTo(Message.of(nextKey));
        Flow flow = new Flow();
        assertThat(flow.next(Step.RESUMED, session.facts())).as("the flow goes where the sentence says")
                .contains(ANNOUNCED.get(nextKey));
        assertThat(vm.canAdvance().get()).isTrue();
        assertThat(goesOn(vm)).isTrue();
    }
}
