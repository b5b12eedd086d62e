package jp.kenpo.kiosk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import jp.kenpo.kiosk.store.PrivateFiles;

/**
 * The log file, {@code kiosk.log}: written only below the data directory ({@code <dataDir>/logs})
 * or in a folder named explicitly ({@code --log-dir}, or {@code -Dkiosk.logDir}), never in a shared
 * temporary folder. Until one is chosen — and for commands with no configuration, such as
 * {@code analyze} and {@code hash-pin} — the log goes to standard error only. The folder is 0700
 * and the files 0600 on POSIX systems. Rolled daily and at 10 MB, 30 days, 300 MB at most.
 */
public final class LogFiles {

    /** A system property naming the folder explicitly, as {@code --log-dir} does. */
    public static final String DIR_PROPERTY = "kiosk.logDir";
    public static final String FILE_NAME = "kiosk.log";
    static final String APPENDER = "FILE";
    static final String PATTERN = "%d{ISO8601} %-5level [%X{session:-kiosk}] %logger{0} - %safeMsg%n";

    private static Path current;

    private LogFiles() {
    }

    /** The folder for the log: the explicit one (the option, else the system property), else {@code <dataDir>/logs}. */
    public static Path folder(Path explicit, Path dataDir) {
        if (explicit != null) {
            return explicit;
        }
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return dataDir.resolve("logs");
    }

    /**
     * From now on the log is also written to {@code dir/kiosk.log}; the file written so far (if any)
     * is closed. Nothing changes when {@code dir} is already the folder.
     */
    public static synchronized void writeTo(Path dir) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        if (folder.equals(current) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        PrivateFiles.folder(folder);
        PatternLayout layout = new PatternLayout();
        layout.setContext(ctx);
        layout.getInstanceConverterMap().put("safeMsg", SafeMessageConverter::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(ctx);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();

        PrivateFileAppender appender = new PrivateFileAppender();
        appender.setContext(ctx);
        appender.setName(APPENDER);
        appender.setFile(folder.resolve(FILE_NAME).toString());
        appender.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(appender);
        policy.setFileNamePattern(folder.resolve("kiosk.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(30);
        policy.setTotalSizeCap(FileSize.valueOf("300MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        if (!appender.isStarted()) {
            throw new IOException("the log file " + folder.resolve(FILE_NAME) + " cannot be written");
        }
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> before = root.getAppender(APPENDER);
        root.addAppender(appender);
        if (before != null) {
            root.detachAppender(before);
            before.stop();
        }
        current = folder;
    }

    /** The folder the log file is written to, if any. */
    public static synchronized Optional<Path> current() {
        return Optional.ofNullable(current);
    }

    /** Stops writing the log file (standard error goes on). */
    public static synchronized void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            Appender<ILoggingEvent> a = root.getAppender(APPENDER);
            if (a != null) {
                root.detachAppender(a);
                a.stop();
            }
        }
        current = null;
    }

    /** A rolling file appender whose every file — the first and each one after a roll — is 0600. */
    static final class PrivateFileAppender extends RollingFileAppender<ILoggingEvent> {
        @Override
        public void openFile(String fileName) throws IOException {
            super.openFile(fileName);
            PrivateFiles.file(Path.of(fileName));
        }
    }
}
