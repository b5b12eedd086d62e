package jp.kenpo.kiosk.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

import jp.kenpo.kiosk.core.port.MailSender;
import jp.kenpo.kiosk.store.PrivateFiles;

/**
 * Demonstrations: mail is written as {@code .eml} files to a folder instead of being sent; the
 * folder and the files are private to the kiosk's user.
 */
public final class FolderMailSender implements MailSender {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final String from;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    private final AtomicInteger counter = new AtomicInteger();

    public FolderMailSender(Path folder, String from, Clock clock) {
        this.folder = folder;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) throws MailException {
        try {
            PrivateFiles.folder(folder);
            Path file = folder.resolve(STAMP.format(clock.instant()) + "-" + counter.incrementAndGet() + ".eml");
            try (OutputStream out = PrivateFiles.newFile(file)) {
                MimeMails.toMime(session, from, mail, Date.from(clock.instant())).writeTo(out);
            }
        } catch (IOException | MessagingException e) {
            throw new MailException("the mail folder " + folder + " cannot be written: " + e.getMessage(), e);
        }
    }
}
