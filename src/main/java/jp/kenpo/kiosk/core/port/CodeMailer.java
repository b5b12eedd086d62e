package jp.kenpo.kiosk.core.port;

import java.util.Locale;

import jp.kenpo.kiosk.core.config.LocalizedText;
import jp.kenpo.kiosk.core.port.MailSender.MailException;

/** Mails a member the one-time code that proves the email address is theirs. */
public interface CodeMailer {

    /** @param union the member's union, named as the sender in the mail */
    void sendCode(String email, String code, LocalizedText union, Locale language) throws MailException;
}
