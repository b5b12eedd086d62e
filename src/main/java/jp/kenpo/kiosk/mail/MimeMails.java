package jp.kenpo.kiosk.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import jp.kenpo.kiosk.core.port.MailSender.Mail;

/** A {@link Mail} as a MIME message: UTF-8 subject (encoded word) and UTF-8 plain-text body. */
final class MimeMails {

    private MimeMails() {
    }

    static MimeMessage toMime(Session session, String from, Mail mail, Date sent) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        m.setText(mail.body(), StandardCharsets.UTF_8.name(), "plain");
        m.setHeader("Content-Transfer-Encoding", "base64");
        m.setSentDate(sent);
        return m;
    }
}
