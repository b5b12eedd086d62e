package jp.kenpo.kiosk.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KanaNameTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
            ケンコムタロウ        | ケンコムタロウ      | ~                  | ~
            ケンコム　タロウ       | ケンコム　タロウ     | ~                  | ~
            ケンコム タロウ       | ケンコム　タロウ     | ~                  | ~
            '  ケンコム   タロウ  ' | ケンコム　タロウ     | ~                  | ~
            けんこむ たろう       | ケンコム　タロウ     | ~                  | ~
            ｹﾝｺﾑ ﾀﾛｳ             | ケンコム　タロウ     | ~                  | ~
            ｶﾞｯｺｳ ﾊﾟﾝ            | ガッコウ　パン      | ~                  | ~
            ヴィクトリア・スミス     | ヴィクトリア・スミス  | ~                  | ~
            さとう ゆうこ         | サトウ　ユウコ      | ~                  | ~
            ｽｽﾞｷ ｲﾁﾛｰ            | スズキ　イチロー     | ~                  | ~
            ゝゞ                | ヽヾ             | ~                  | ~
            山田 タロウ           | ~               | kana.error.notKana | 山
            ヤマダ Taro          | ~               | kana.error.notKana | T
            ヤマダ3              | ~               | kana.error.notKana | 3
            ''                  | ~               | kana.error.empty   | ~
            '　 '               | ~               | kana.error.empty   | ~
            アアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアア | ~ | kana.error.tooLong | ~
            """)
    void parses(String input, String display, String key, String offending) {
        KanaName.Result r = KanaName.parse(input);
        assertThat(r.value() == null ? null : r.value().display()).isEqualTo(display);
        assertThat(r.messageKey()).isEqualTo(key);
        assertThat(r.offending()).isEqualTo(offending);
    }

    @org.junit.jupiter.api.Test
    void matchFormHasNoSpaces() {
        assertThat(KanaName.parse("けんこむ たろう").value().matchForm()).isEqualTo("ケンコムタロウ");
    }

    @org.junit.jupiter.api.Test
    void surrogatePairsAreNamedWhole() {
        assertThat(KanaName.parse("ヤマ𠮷").offending()).isEqualTo("𠮷");
    }
}
