package jp.kenpo.kiosk.mail;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.account.OneTimeCode;
import jp.kenpo.kiosk.core.config.LocalizedText;
import jp.kenpo.kiosk.core.port.CodeMailer;
import jp.kenpo.kiosk.core.port.MailSender;
import jp.kenpo.kiosk.core.port.MailSender.MailException;

/**
 * The one-time-code mail in the member's language (templates in {@code i18n/mail}), modelled on
 * the union manuals' mails: the code, how long it is valid, and what to do if it was not asked for.
 * Neither the code nor the address is ever logged, in demo mode neither: a demonstration reads the
 * code in the mail folder.
 */
public final class OtpMailer implements CodeMailer {

    private static final Logger LOG = LoggerFactory.getLogger(OtpMailer.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final MailSender sender;

    public OtpMailer(MailSender sender) {
        this.sender = sender;
    }

    @Override
    public void sendCode(String email, String code, LocalizedText union, Locale language) throws MailException {
        ResourceBundle b = ResourceBundle.getBundle("i18n.mail", language, OtpMailer.class.getClassLoader(), NO_FALLBACK);
        String name = union.in(language);
        long minutes = OneTimeCode.VALIDITY.toMinutes();
        String subject = MessageFormat.format(b.getString("otp.subject"), name);
        String body = MessageFormat.format(b.getString("otp.body"), name, code, minutes);
        sender.send(new MailSender.Mail(email, subject, body));
        LOG.info("one-time code mail handed over");
    }
}
