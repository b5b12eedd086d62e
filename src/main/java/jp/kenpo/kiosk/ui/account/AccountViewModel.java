package jp.kenpo.kiosk.ui.account;

import java.util.EnumMap;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import jp.kenpo.kiosk.core.account.Email;
import jp.kenpo.kiosk.core.account.PasswordPolicy;
import jp.kenpo.kiosk.core.account.PasswordPolicy.Rule;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.FormStepViewModel;
import jp.kenpo.kiosk.ui.common.Message;

/**
 * 6. アカウント: email and the same email typed again, a password with a live checklist, an
 * optional invitation code (招待コード).
 */
public final class AccountViewModel extends FormStepViewModel {

    public static final String INVITATION_INVALID = "account.error.invitation";

    private final KioskSession session;
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty emailConfirm = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty invitationCode = new SimpleStringProperty("");
    private final BooleanProperty passwordShown = new SimpleBooleanProperty(false);
    private final Map<Rule, ReadOnlyBooleanWrapper> rules = new EnumMap<>(Rule.class);
    private final ReadOnlyBooleanWrapper passwordOk = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canAdvance;

    public AccountViewModel(KioskSession session) {
        this.session = session;
        for (Rule r : Rule.values()) {
            rules.put(r, new ReadOnlyBooleanWrapper(false));
        }
        if (session.email() != null) {
            email.set(session.email());
            emailConfirm.set(session.email());
            char[] p = session.password();
            password.set(new String(p));
            java.util.Arrays.fill(p, '\0');
            invitationCode.set(session.invitationCode() == null ? "" : session.invitationCode());
        }
        password.addListener(o -> recheck());
        email.addListener(o -> recheck());
        recheck();
        canAdvance = Bindings.createBooleanBinding(() -> !email.get().isBlank() && !emailConfirm.get().isBlank()
                && passwordOk.get(), email, emailConfirm, passwordOk);
        for (var p : new StringProperty[] {email, emailConfirm, password, invitationCode}) {
            p.addListener(o -> message.set(null));
        }
    }

    private void recheck() {
        Email.Result e = Email.parse(email.get());
        Map<Rule, Boolean> result = PasswordPolicy.check(password.get(), e.ok() ? e.value() : null,
                session.birthDate());
        result.forEach((rule, ok) -> rules.get(rule).set(ok));
        passwordOk.set(result.values().stream().allMatch(Boolean::booleanValue));
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty emailConfirmProperty() {
        return emailConfirm;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty invitationCodeProperty() {
        return invitationCode;
    }

    public BooleanProperty passwordShownProperty() {
        return passwordShown;
    }

    /** One checklist line: whether the password meets {@code rule} now. */
    public ReadOnlyBooleanProperty ruleProperty(Rule rule) {
        return rules.get(rule).getReadOnlyProperty();
    }

    @Override
    public BooleanBinding canAdvance() {
        return canAdvance;
    }

    @Override
    protected boolean take() {
        Email.Result e = Email.parseConfirmed(email.get(), emailConfirm.get());
        if (!e.ok()) {
            message.set(Message.of(e.messageKey()));
            return false;
        }
        if (!passwordOk.get()) {
            message.set(Message.of("account.error.password"));
            return false;
        }
        String code = invitationCode.get().strip();
        if (!code.isEmpty() && !code.matches("[A-Za-z0-9-]{4,20}")) {
            message.set(Message.of(INVITATION_INVALID));
            return false;
        }
        char[] p = password.get().toCharArray();
        if (!e.value().value().equals(session.email())) {
            session.emailVerified(false); // a changed address is verified again
        }
        session.account(e.value().value(), p, code.isEmpty() ? null : code);
        java.util.Arrays.fill(p, '\0');
        return true;
    }
}
