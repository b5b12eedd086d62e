package jp.kenpo.kiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plain http to the central service and SMTP without TLS are allowed only to this machine: a
 * host is loopback when it is exactly {@code localhost} or an IP literal of a loopback address,
 * never a name that merely starts like one.
 */
class LoopbackTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "localhost, true",
        "LOCALHOST, true",
        "127.0.0.1, true",
        "127.255.0.9, true",
        "[::1], true",
        "[0:0:0:0:0:0:0:1], true",
        "127.0.0.1.attacker.example, false",
        "127.example.net, false",
        "localhost.attacker.example, false",
        "127.0.0.256, false",
        "10.0.0.1, false",
        "::1, false",
        "[::2], false",
        "central.example.jp, false",
        "'', false",
    })
    void onlyLocalhostAndLoopbackLiterals(String host, boolean loopback) {
        assertThat(ConnectionChecks.isLoopback(host)).isEqualTo(loopback);
    }
}
