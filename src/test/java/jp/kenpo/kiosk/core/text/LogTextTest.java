package jp.kenpo.kiosk.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What outside text becomes before it reaches a log line. */
class LogTextTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain text stays", "503 service unavailable", 200, "503 service unavailable"),
                Arguments.of("null is empty", null, 200, ""),
                Arguments.of("a newline cannot start a forged line",
                        "already_registered\n2026-01-01 00:00:00,000 INFO  [kiosk] forged",
                        200, "already_registered 2026-01-01 00:00:00,000 INFO  [kiosk] forged"),
                Arguments.of("carriage return, tab, escape, NUL and DEL", "a\rb\tc\u001b[31md\u0000e\u007f", 200,
                        "a b c [31md e "),
                Arguments.of("Unicode line and paragraph separators", "a\u2028b\u2029c\u0085d", 200, "a b c d"),
                Arguments.of("bidirectional overrides and zero-width characters", "a\u202Eb\u200Bc\u2066d", 200,
                        "a b c d"),
                Arguments.of("an SMTP reply's address", "550 5.1.1 <kenkou.taro@example.jp>: Recipient address rejected",
                        200, "550 5.1.1 [address] Recipient address rejected"),
                Arguments.of("a bare address", "to taro@example.jp failed", 200, "to [address] failed"),
                Arguments.of("a full-width at sign", "宛先 ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ です", 200, "宛先 [address] です"),
                Arguments.of("an address split by a newline is still masked", "x taro\n@example.jp y", 200,
                        "x taro [address] y"),
                Arguments.of("clipped with an ellipsis", "abcdefghij", 4, "abcd…"),
                Arguments.of("exactly the limit is not clipped", "abcd", 4, "abcd"),
                Arguments.of("clipping counts characters, not UTF-16 units", "𠮷𠮷𠮷", 2, "𠮷𠮷…"),
                Arguments.of("Japanese text stays", "名簿の行が読めません", 200, "名簿の行が読めません"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cleans(String name, String in, int max, String expected) {
        assertThat(LogText.clean(in, max)).isEqualTo(expected);
    }

    @Test
    void theDefaultLimitIsTwoHundredCharacters() {
        assertThat(LogText.clean("x".repeat(5000))).hasSize(LogText.MAX + 1).endsWith("…");
    }

    @Test
    void anExceptionIsItsClassAndCleanedMessage() {
        assertThat(LogText.of(new IOException("bad\nline from taro@example.jp"))).isEqualTo(
                "IOException: bad line from [address]");
        assertThat(LogText.of(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void aScrubbedExceptionKeepsItsFramesAndCausesWithCleanMessages() {
        IOException cause = new IOException("reply:\n550 <taro@example.jp> unknown");
        IllegalStateException e = new IllegalStateException("sending failed", cause);
        e.addSuppressed(new RuntimeException("hanako@example.jp"));
        Throwable s = LogText.scrubbed(e);
        assertThat(s.getMessage()).isEqualTo("java.lang.IllegalStateException: sending failed");
        assertThat(s.getStackTrace()).isEqualTo(e.getStackTrace());
        assertThat(s.getCause().getMessage()).isEqualTo("java.io.IOException: reply: 550 [address] unknown");
        assertThat(s.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
        assertThat(s.getSuppressed()).singleElement().satisfies(
                x -> assertThat(x.getMessage()).isEqualTo("java.lang.RuntimeException: [address]"));
    }
}
