package jp.kenpo.kiosk.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentTypeTest {

    @ParameterizedTest(name = "{0}: asks={1}, back with entries={2}, back without={3}")
    @CsvSource({
            "drivers_license, true, true, false",
            "my_number_card, false, false, false",
            "driving_history_certificate, true, true, false",
            "residence_card, true, true, false"})
    void sideRules(String code, boolean asks, boolean backWithEntries, boolean backWithout) {
        DocumentType t = DocumentType.fromCode(code).orElseThrow();
        assertThat(t.code()).isEqualTo(code);
        assertThat(t.asksAboutBack()).isEqualTo(asks);
        assertThat(t.needsBack(true)).isEqualTo(backWithEntries);
        assertThat(t.needsBack(false)).isEqualTo(backWithout);
    }

    @org.junit.jupiter.api.Test
    void unknownCode() {
        assertThat(DocumentType.fromCode("passport")).isEmpty();
    }
}
