package dev.leadflow.capture.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+44 20 7946 0958       |    | +442079460958",
            "+44 (0)20 7946 0958    |    | +442079460958",
            "0044 20 7946 0958      | DE | +442079460958",
            "020 7946 0958          | GB | +442079460958",
            "+1 (201) 555-0123      |    | +12015550123",
            "201.555.0123           | US | +12015550123",
            "(201) 555-0123 ext. 12 | US | +12015550123",
            "030 1234567            | DE | +49301234567",
            "+49 30 1234567         | US | +49301234567",
            "+49 151 23456789       |    | +4915123456789",
            "06 12 34 56 78         | FR | +33612345678"})
    void writesValidNumbersInE164(String text, String country, String e164) {
        assertThat(PhoneNumbers.e164(text, country)).hasValue(e164);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "020 7946 0958    |    ",
            "030 1234567      | US ",
            "12345            | GB ",
            "+44 20 7946 095  |    ",
            "+99 123456789    |    ",
            "+1 555           |    ",
            "1-800-FLOWERS    | US ",
            "call me          |    ",
            "+                |    ",
            "<script>         | GB "})
    void rejectsWhatIsNoValidNumber(String text, String country) {
        assertThat(PhoneNumbers.e164(text, country)).isEmpty();
    }
}
