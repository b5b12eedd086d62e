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
 *
 * <p>In demo mode only, the code is also written to the log, clearly marked, so that a
 * demonstration can be completed without opening the mail folder. Never outside demo mode.
 */
public final class OtpMailer implements CodeMailer {

    private static final Logger LOG = LoggerFactory.getLogger(OtpMailer.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final MailSender sender;
    private final boolean demo;

    public OtpMailer(MailSender sender, boolean demo) {
        this.sender = sender;
        this.demo = demo;
    }

    @Override
    public void sendCode(String email, String code, LocalizedText union, Locale language) throws MailException {
        ResourceBundle b = ResourceBundle.getBundle("i18n.mail", language, OtpMailer.class.getClassLoader(), NO_FALLBACK);
        String name = union.in(language);
        long minutes = OneTimeCode.VALIDITY.toMinutes();
        String subject = MessageFormat.format(b.getString("otp.subject"), name);
        String body = MessageFormat.format(b.getString("otp.body"), name, code, minutes);
        if (demo) {
            LOG.warn("DEMO MODE ONLY, never logged in production: one-time code {}", code);
        }
        sender.send(new MailSender.Mail(email, subject, body));
        LOG.info("one-time code mail handed over");
    }
}
