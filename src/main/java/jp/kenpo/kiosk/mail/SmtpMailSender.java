package jp.kenpo.kiosk.mail;

import java.time.Clock;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import jp.kenpo.kiosk.core.config.MailSettings;
import jp.kenpo.kiosk.core.port.MailSender;
import jp.kenpo.kiosk.core.text.LogText;

/**
 * Sends over SMTP with Jakarta Mail: STARTTLS (required, certificate checked), SMTPS, or plain to
 * loopback only; connect, read and write timeouts from the configuration (at most 10 s).
 */
public final class SmtpMailSender implements MailSender {

    private final MailSettings settings;
    private final Clock clock;
    private final Session session;

    public SmtpMailSender(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        boolean smtps = "smtps".equals(settings.security());
        String p = smtps ? "mail.smtps." : "mail.smtp.";
        String timeout = Integer.toString(settings.timeoutSeconds() * 1000);
        Properties props = new Properties();
        props.put("mail.transport.protocol", smtps ? "smtps" : "smtp");
        props.put(p + "host", settings.host());
        props.put(p + "port", Integer.toString(settings.port()));
        props.put(p + "connectiontimeout", timeout);
        props.put(p + "timeout", timeout);
        props.put(p + "writetimeout", timeout);
        props.put("mail.mime.charset", "UTF-8");
        if ("starttls".equals(settings.security())) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
            props.put(p + "ssl.checkserveridentity", "true");
        }
        if (smtps) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        Authenticator auth = null;
        if (settings.username() != null && !settings.username().isBlank()) {
            props.put(p + "auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username(), settings.password());
                }
            };
        }
        this.session = Session.getInstance(props, auth);
    }

    @Override
    public void send(Mail mail) throws MailException {
        try {
            Transport.send(MimeMails.toMime(session, settings.from(), mail, Date.from(clock.instant())));
        } catch (MessagingException e) {
            throw new MailException("the mail server " + settings.host() + ":" + settings.port()
                    + " did not take the mail: " + rootMessage(e), e);
        }
    }

    /** Connects (and authenticates, where configured) without sending: for {@code selftest}. */
    public void probe() throws MailException {
        try (Transport t = session.getTransport()) {
            t.connect();
        } catch (MessagingException e) {
            throw new MailException("the mail server " + settings.host() + ":" + settings.port()
                    + " cannot be reached: " + rootMessage(e), e);
        }
    }

    /**
     * The innermost cause, cleaned: a server's reply usually quotes the recipient's address and may
     * span lines, and this text reaches the log and the staff's screens.
     */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return LogText.of(t);
    }
}
