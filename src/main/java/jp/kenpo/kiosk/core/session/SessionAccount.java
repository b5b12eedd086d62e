package jp.kenpo.kiosk.core.session;

import java.util.Arrays;
import java.util.function.Supplier;

import jp.kenpo.kiosk.core.account.OneTimeCode;

/**
 * The account part of a {@link KioskSession}: the email address, the password (a private copy,
 * overwritten on change and on wipe), the invitation code and the mail check with its one-time code.
 */
final class SessionAccount {

    private String email;
    private char[] password;
    private String invitationCode;
    private boolean emailVerified;
    private OneTimeCode oneTimeCode;
    private String codeSentTo;

    void set(String email, char[] password, String invitationCode) {
        this.email = email;
        clear(this.password);
        this.password = password == null ? null : password.clone();
        this.invitationCode = invitationCode;
    }

    String email() {
        return email;
    }

    char[] password() {
        return password == null ? null : password.clone();
    }

    String invitationCode() {
        return invitationCode;
    }

    void emailVerified(boolean verified) {
        this.emailVerified = verified;
    }

    boolean emailVerified() {
        return emailVerified;
    }

    OneTimeCode oneTimeCode(Supplier<OneTimeCode> maker) {
        if (oneTimeCode == null) {
            oneTimeCode = maker.get();
        }
        return oneTimeCode;
    }

    String codeSentTo() {
        return codeSentTo;
    }

    void codeSentTo(String address) {
        this.codeSentTo = address;
    }

    /** Overwrites the password and forgets the code before dropping every reference. */
    void wipe() {
        email = null;
        clear(password);
        password = null;
        invitationCode = null;
        emailVerified = false;
        if (oneTimeCode != null) {
            oneTimeCode.forget();
        }
        oneTimeCode = null;
        codeSentTo = null;
    }

    private static void clear(char[] a) {
        if (a != null) {
            Arrays.fill(a, '\0');
        }
    }
}
