package jp.kenpo.kiosk.ui;

import static jp.kenpo.kiosk.testing.Steps.goesOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.account.PasswordPolicy.Rule;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.SessionId;
import jp.kenpo.kiosk.ui.account.AccountViewModel;
import jp.kenpo.kiosk.ui.common.Message;

class AccountViewModelTest {

    private final KioskSession session = new KioskSession(new SessionId("t"), Instant.EPOCH);
    private AccountViewModel vm;

    private AccountViewModel vm() {
        session.person("ケンコウ　タロウ", LocalDate.of(1956, 4, 1));
        vm = new AccountViewModel(session);
        return vm;
    }

    @Test
    void checklistFollowsTypingAndNextNeedsEverything() {
        AccountViewModel vm = vm();
        assertThat(vm.canAdvance().get()).isFalse();
        vm.emailProperty().set("kenkou.taro@example.jp");
        vm.emailConfirmProperty().set("kenkou.taro@example.jp");
        for (String step : new String[] {"M", "Mi", "Mid", "Mido", "Midor", "Midori", "Midori7", "Midori7!"}) {
            vm.passwordProperty().set(step);
        }
        assertThat(vm.ruleProperty(Rule.LENGTH).get()).isTrue();
        assertThat(vm.ruleProperty(Rule.TWO_KINDS).get()).isTrue();
        assertThat(vm.canAdvance().get()).isTrue();
        vm.passwordProperty().set("Midori0401");
        assertThat(vm.ruleProperty(Rule.NOT_BIRTHDATE).get()).isFalse();
        assertThat(vm.canAdvance().get()).isFalse();
        vm.passwordProperty().set("kenkou.taro9");
        assertThat(vm.ruleProperty(Rule.NOT_EMAIL).get()).isFalse();
    }

    @Test
    void commitChecksTheConfirmationAndKeepsWhatWasTyped() {
        AccountViewModel vm = vm();
        vm.emailProperty().set("taro@example.jp");
        vm.emailConfirmProperty().set("taro@example.com");
        vm.passwordProperty().set("kiku19!");
        assertThat(vm.canAdvance().get()).isTrue();
        assertThat(goesOn(vm)).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("email.error.mismatch"));
        assertThat(vm.emailConfirmProperty().get()).isEqualTo("taro@example.com");
        assertThat(session.email()).isNull();

        vm.emailConfirmProperty().set("taro@example.jp");
        assertThat(vm.messageProperty().get()).isNull();
        vm.invitationCodeProperty().set("x");
        assertThat(goesOn(vm)).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of(AccountViewModel.INVITATION_INVALID));
        vm.invitationCodeProperty().set("INV-2024");
        assertThat(goesOn(vm)).isTrue();
        assertThat(session.email()).isEqualTo("taro@example.jp");
        assertThat(new String(session.password())).isEqualTo("kiku19!");
        assertThat(session.invitationCode()).isEqualTo("INV-2024");
        assertThat(new AccountViewModel(session).passwordProperty().get()).as("coming back").isEqualTo("kiku19!");
    }

    @Test
    void aChangedAddressMustBeVerifiedAgain() {
        AccountViewModel vm = vm();
        vm.emailProperty().set("taro@example.jp");
        vm.emailConfirmProperty().set("taro@example.jp");
        vm.passwordProperty().set("kiku19!");
        assertThat(goesOn(vm)).isTrue();
        session.emailVerified(true);
        AccountViewModel back = new AccountViewModel(session);
        assertThat(goesOn(back)).as("same address").isTrue();
        assertThat(session.emailVerified()).isTrue();
        back.emailProperty().set("hanako@example.jp");
        back.emailConfirmProperty().set("hanako@example.jp");
        assertThat(goesOn(back)).isTrue();
        assertThat(session.emailVerified()).isFalse();
    }
}
