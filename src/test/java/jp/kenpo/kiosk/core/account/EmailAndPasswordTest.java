package jp.kenpo.kiosk.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.kenpo.kiosk.core.account.PasswordPolicy.Rule;

class EmailAndPasswordTest {

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(nullValues = "~", textBlock = """
            taro.yamada@example.jp,     taro.yamada@example.jp, ~
            Taro@Example.JP,            Taro@example.jp,        ~
            ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ,  taro@example.jp,        ~
            ' taro@example.jp ',        taro@example.jp,        ~
            taro+kiosk@mail.example.co.jp, taro+kiosk@mail.example.co.jp, ~
            '',                         ~,                      email.error.empty
            taro,                       ~,                      email.error.invalid
            taro@,                      ~,                      email.error.invalid
            @example.jp,                ~,                      email.error.invalid
            taro@@example.jp,           ~,                      email.error.invalid
            taro@example,               ~,                      email.error.invalid
            .taro@example.jp,           ~,                      email.error.invalid
            ta..ro@example.jp,          ~,                      email.error.invalid
            たろう@example.jp,           ~,                      email.error.invalid
            """)
    void emails(String input, String value, String key) {
        Email.Result r = Email.parse(input);
        assertThat(r.value() == null ? null : r.value().value()).isEqualTo(value);
        assertThat(r.messageKey()).isEqualTo(key);
    }

    @Test
    void confirmationMustMatch() {
        assertThat(Email.parseConfirmed("taro@example.jp", "taro@example.jp").ok()).isTrue();
        assertThat(Email.parseConfirmed("taro@example.jp", "TARO@EXAMPLE.JP").messageKey()).isEqualTo(Email.MISMATCH);
        assertThat(Email.parseConfirmed("taro@example.jp", "tar0@example.jp").messageKey()).isEqualTo(Email.MISMATCH);
        assertThat(Email.parseConfirmed("taro@", "taro@").messageKey()).isEqualTo(Email.INVALID);
    }

    @Test
    void maskedKeepsTheStartAndTheDomain() {
        assertThat(Email.parse("taro.yamada@example.jp").value().masked()).isEqualTo("ta***@example.jp");
        assertThat(Email.parse("t@example.jp").value().masked()).isEqualTo("t***@example.jp");
    }

    private static final Email EMAIL = Email.parse("sakura@example.jp").value();
    private static final LocalDate BIRTH = LocalDate.of(1956, 4, 1);

    /** Columns: password, then the rules it breaks (space-separated), or "none". */
    @ParameterizedTest(name = "[{index}] ''{0}'': {1}")
    @CsvSource(textBlock = """
            Kiku!Mori7,             none
            k7$Hn2,                 none
            kiku7,                  LENGTH
            Kiku!Mori7Kiku!Mori7x,  LENGTH
            kikumorix,              TWO_KINDS
            84739261,               TWO_KINDS
            'kiku mori7',           CHARACTERS
            きくもり7abc,             CHARACTERS NO_SEQUENCE
            kiku123x,               NO_SEQUENCE
            kiku321x,               NO_SEQUENCE
            xAbCx9,                 NO_SEQUENCE
            kikuzyx9,               NO_SEQUENCE
            kiku777x,               NO_REPEAT
            aaaaaa1,                NO_REPEAT
            Sakura!99,              NOT_EMAIL
            kiku19560401,           NOT_BIRTHDATE
            kiku560401!,            NOT_BIRTHDATE
            kiku0401!,              NOT_BIRTHDATE
            '',                     LENGTH CHARACTERS TWO_KINDS NO_SEQUENCE NO_REPEAT NOT_EMAIL NOT_BIRTHDATE
            """)
    void passwordRules(String password, String broken) {
        Map<Rule, Boolean> result = PasswordPolicy.check(password, EMAIL, BIRTH);
        Set<Rule> failed = result.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<Rule> expected = broken.equals("none") ? Set.of()
                : Arrays.stream(broken.split(" ")).map(Rule::valueOf).collect(Collectors.toSet());
        assertThat(failed).isEqualTo(expected);
        assertThat(PasswordPolicy.acceptable(password, EMAIL, BIRTH)).isEqualTo(expected.isEmpty());
        assertThat(result).containsOnlyKeys(Rule.values());
    }

    @Test
    void withoutEmailOrBirthdateThoseRulesPass() {
        Map<Rule, Boolean> r = PasswordPolicy.check("Sakura!99", null, null);
        assertThat(r.get(Rule.NOT_EMAIL)).isTrue();
        assertThat(r.get(Rule.NOT_BIRTHDATE)).isTrue();
    }
}
