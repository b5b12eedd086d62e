package jp.kenpo.kiosk.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Staff read why a registration waits for them in plain words, keyed by the stored reason. */
class StaffViewModelTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "409 already_registered         | staff.queue.reason.alreadyRegistered",
            "409 card_already_linked        | staff.queue.reason.cardAlreadyLinked",
            "409 email_in_use               | staff.queue.reason.emailInUse",
            "422 idempotency_mismatch       | staff.queue.reason.idempotencyMismatch",
            "422 not_eligible               | staff.queue.reason.notEligible",
            "422 invalid                    | staff.queue.reason.invalid",
            "422                            | staff.queue.reason.invalid",
            "409 something_new              | staff.queue.reason.invalid",
            "413                            | staff.queue.reason.tooLarge",
            "401 device credential refused  | staff.queue.reason.credential",
            "403 device credential refused  | staff.queue.reason.credential",
            "503                            | staff.queue.reason.other",
            "-                              | staff.queue.reason.other",
    })
    void reasonsInPlainWords(String stored, String key) {
        assertThat(StaffViewModel.reasonKey(stored)).isEqualTo(key);
    }
}
