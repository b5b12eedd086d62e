package jp.kenpo.kiosk.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kenpo.kiosk.testing.SeededRandom;

class SlowHashTest {

    @Test
    void hashVerifiesTheSameSecretOnly() {
        String phc = SlowHash.hash("2468".toCharArray(), new SeededRandom(7), 1000);
        assertThat(phc).startsWith("$pbkdf2-sha256$i=1000,l=32$");
        assertThat(SlowHash.verify("2468".toCharArray(), phc)).isTrue();
        assertThat(SlowHash.verify("2469".toCharArray(), phc)).isFalse();
        assertThat(SlowHash.verify("".toCharArray(), phc)).isFalse();
    }

    @Test
    void defaultIsAtLeast310000Iterations() {
        assertThat(SlowHash.hash("1".toCharArray(), new SeededRandom(1))).contains("$i=310000,");
    }

    @Test
    void saltMakesEqualSecretsHashDifferently() {
        SeededRandom r = new SeededRandom(3);
        assertThat(SlowHash.hash("x".toCharArray(), r, 10)).isNotEqualTo(SlowHash.hash("x".toCharArray(), r, 10));
    }

    @Test
    void agreesWithAnIndependentImplementation() {
        // Made with Python: hashlib.pbkdf2_hmac('sha256', b'1234', salt, 310000, 32).
        String python = "$pbkdf2-sha256$i=310000,l=32$8sSSF4UnJUzETti9B/Vm1g$uqEB00jBTmkiXx1tOuPuee812MCB2Ppqv5KnapJKV/8";
        assertThat(SlowHash.verify("1234".toCharArray(), python)).isTrue();
        assertThat(SlowHash.verify("1235".toCharArray(), python)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "$pbkdf2-sha256$i=10$c2FsdHNhbHQ$aGFzaA", "$bcrypt$i=10,l=32$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$pbkdf2-sha256$i=x,l=32$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "$pbkdf2-sha256$i=10,l=32$!!$aGFzaGhhc2hoYXNoaGFzaA"})
    void malformedStringsAreRejected(String phc) {
        assertThat(SlowHash.isWellFormed(phc)).isFalse();
        assertThat(SlowHash.verify("1234".toCharArray(), phc)).isFalse();
    }
}
