package jp.kenpo.kiosk.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.kenpo.kiosk.core.config.CardNormalization;
import jp.kenpo.kiosk.core.member.InsuranceCard.Field;

/**
 * Every card pattern and normalization rule of the member manuals. Columns: pattern, rules
 * (afterHyphen/last7/symbolPad/numberPad/branch), symbol, symbol front, symbol back, number,
 * branch → symbol, number, branch, or the message key and field.
 */
class InsuranceCardTest {

    @ParameterizedTest(name = "[{index}] {0} {1}: {2}|{3}|{4}|{5}|{6}")
    @CsvSource(delimiter = ';', nullValues = "~", textBlock = """
            # ② number only
            NUMBER_ONLY;             -/-/0/0/-;  ~;    ~;   ~;    12345678;     ~;  '';    12345678;  '';  ~;                        ~
            NUMBER_ONLY;             -/-/0/0/-;  ~;    ~;   ~;    １２３４５６７８;     ~;  '';    12345678;  '';  ~;                ~
            NUMBER_ONLY;             -/7/0/0/-;  ~;    ~;   ~;    12345678;     ~;  '';    2345678;   '';  ~;                        ~
            NUMBER_ONLY;             -/7/0/0/-;  ~;    ~;   ~;    1234567;      ~;  '';    1234567;   '';  ~;                        ~
            NUMBER_ONLY;             -/7/0/0/-;  ~;    ~;   ~;    123456789012; ~;  '';    6789012;   '';  ~;                        ~
            NUMBER_ONLY;             -/-/0/0/-;  ~;    ~;   ~;    '';           ~;  ~;     ~;         ~;   card.error.numberEmpty;   NUMBER
            NUMBER_ONLY;             -/-/0/0/-;  ~;    ~;   ~;    12a45;        ~;  ~;     ~;         ~;   card.error.numberChars;   NUMBER
            NUMBER_ONLY;             -/-/0/0/-;  ~;    ~;   ~;    1234567890123; ~; ~;     ~;         ~;   card.error.numberTooLong; NUMBER
            # ① number only, printed with a hyphen
            NUMBER_WITH_HYPHEN;      -/-/0/0/-;  ~;    ~;   ~;    12-345;       ~;  '';    12345;     '';  ~;                        ~
            NUMBER_WITH_HYPHEN;      -/-/0/0/-;  ~;    ~;   ~;    １２ー３４５;    ~;  '';    12345;     '';  ~;                        ~
            NUMBER_WITH_HYPHEN;      -/-/0/0/-;  ~;    ~;   ~;    12－345;       ~;  '';    12345;     '';  ~;                        ~
            # ④ symbol and number separate (KENPOS: symbol to 3, number to 6 digits)
            SYMBOL_AND_NUMBER;       -/-/3/6/-;  91;   ~;   ~;    200001;       ~;  091;   200001;    '';  ~;                        ~
            SYMBOL_AND_NUMBER;       -/-/3/6/-;  123;  ~;   ~;    4567;         ~;  123;   004567;    '';  ~;                        ~
            SYMBOL_AND_NUMBER;       -/-/3/6/-;  1234; ~;   ~;    4567;         ~;  ~;     ~;         ~;   card.error.symbolTooLong; SYMBOL
            SYMBOL_AND_NUMBER;       -/-/3/6/-;  12;   ~;   ~;    1234567;      ~;  ~;     ~;         ~;   card.error.numberTooLong; NUMBER
            SYMBOL_AND_NUMBER;       -/-/0/0/-;  ''  ; ~;   ~;    4567;         ~;  ~;     ~;         ~;   card.error.symbolEmpty;   SYMBOL
            SYMBOL_AND_NUMBER;       -/-/0/0/-;  東京;  ~;   ~;    4567;         ~;  ~;     ~;         ~;   card.error.symbolChars;   SYMBOL
            SYMBOL_AND_NUMBER;       -/-/0/0/-;  ab12; ~;   ~;    4567;         ~;  AB12;  4567;      '';  ~;                        ~
            # ④ with a hyphen in the symbol: after it only, where the union says so
            SYMBOL_AND_NUMBER;       h/-/0/0/-;  71-1234; ~; ~;   5678;         ~;  1234;  5678;      '';  ~;                        ~
            SYMBOL_AND_NUMBER;       -/-/0/0/-;  71-1234; ~; ~;   5678;         ~;  711234; 5678;     '';  ~;                        ~
            SYMBOL_AND_NUMBER;       h/-/0/0/-;  71-;  ~;   ~;    5678;         ~;  ~;     ~;         ~;   card.error.symbolEmpty;   SYMBOL
            # ③ symbol split by a hyphen: 記号(前)-記号(後)
            SYMBOL_SPLIT_AND_NUMBER; h/7/0/0/-;  ~;    12;  456;  5678;         ~;  456;   5678;      '';  ~;                        ~
            SYMBOL_SPLIT_AND_NUMBER; h/7/0/0/-;  ~;    '';  456;  12345678;     ~;  456;   2345678;   '';  ~;                        ~
            SYMBOL_SPLIT_AND_NUMBER; -/-/0/0/-;  ~;    12;  456;  5678;         ~;  12456; 5678;      '';  ~;                        ~
            SYMBOL_SPLIT_AND_NUMBER; -/-/0/0/-;  ~;    '';  456;  5678;         ~;  ~;     ~;         ~;   card.error.symbolEmpty;   SYMBOL_FRONT
            SYMBOL_SPLIT_AND_NUMBER; h/-/0/0/-;  ~;    12;  '';   5678;         ~;  ~;     ~;         ~;   card.error.symbolEmpty;   SYMBOL_BACK
            SYMBOL_SPLIT_AND_NUMBER; h/-/0/0/-;  ~;    1!;  45;   5678;         ~;  ~;     ~;         ~;   card.error.symbolChars;   SYMBOL_FRONT
            # 枝番: two digits, padded; only where the union uses it
            SYMBOL_AND_NUMBER;       -/-/3/6/b;  91;   ~;   ~;    200001;       1;  091;   200001;    01;  ~;                        ~
            SYMBOL_AND_NUMBER;       -/-/3/6/b;  91;   ~;   ~;    200001;       ０２; 091;  200001;    02;  ~;                        ~
            SYMBOL_AND_NUMBER;       -/-/3/6/b;  91;   ~;   ~;    200001;       '';  091;   200001;    '';  ~;                        ~
            SYMBOL_AND_NUMBER;       -/-/3/6/b;  91;   ~;   ~;    200001;       123; ~;     ~;         ~;   card.error.branchChars;   BRANCH
            SYMBOL_AND_NUMBER;       -/-/3/6/-;  91;   ~;   ~;    200001;       12;  091;   200001;    '';  ~;                        ~
            """)
    void normalizes(CardPattern pattern, String rules, String symbol, String front, String back, String number,
                    String branch, String expSymbol, String expNumber, String expBranch, String key, Field field) {
        String[] r = rules.split("/");
        CardNormalization n = new CardNormalization(r[0].equals("h"), r[1].equals("7"), Integer.parseInt(r[2]),
                Integer.parseInt(r[3]), r[4].equals("b"));
        InsuranceCard.Result result = InsuranceCard.parse(pattern, n,
                new InsuranceCard.Input(symbol, front, back, number, branch));
        if (key == null) {
            assertThat(result.ok()).as(String.valueOf(result)).isTrue();
            assertThat(result.card()).isEqualTo(new InsuranceCard(expSymbol, expNumber, expBranch));
        } else {
            assertThat(result.ok()).isFalse();
            assertThat(result.messageKey()).isEqualTo(key);
            assertThat(result.field()).isEqualTo(field);
        }
    }
}
