package jp.kenpo.kiosk.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import jp.kenpo.kiosk.core.text.LogText;

/**
 * {@code %safeMsg}: the log message as one line with no address in it, clipped at 2,000
 * characters — the last guard, behind each log call's own care, against a line forged by outside
 * text or a member's address reaching the file.
 */
public final class SafeMessageConverter extends ClassicConverter {

    static final int MAX = 2000;

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.clean(event.getFormattedMessage(), MAX);
    }
}
