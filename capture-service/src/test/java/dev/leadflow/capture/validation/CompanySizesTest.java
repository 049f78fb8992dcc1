package dev.leadflow.capture.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanySizesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 | 1-10", "10 | 1-10", "1-10 | 1-10", "11 | 11-50", "11-50 | 11-50", "50 | 11-50", "51-200 | 51-200",
            "200 | 51-200", "201 | 201-500", "201-500 | 201-500", "201 - 1000 | 201-500", "500 | 201-500",
            "501-1000 | 501-999", "999 | 501-999", "1000 | 1000-4999", "1000+ | 1000-4999", "'1,000+' | 1000-4999",
            "'1,000-4,999' | 1000-4999", "1000-4999 | 1000-4999", "4999 | 1000-4999", "5000 | 5000-9999",
            "5001–10000 | 5000-9999", "9999 | 5000-9999", "10000 | 10000+", "10000+ | 10000+", "'10,000 +' | 10000+",
            "10k+ | 10000+", "1k-5k | 1000-4999", "5000 employees | 5000-9999", "50 to 200 | 11-50",
            "250000 | 10000+", "1.000 | 1000-4999"})
    void putsCountsAndRangesIntoTheBandOfTheirSmallestHeadCount(String size, String band) {
        assertThat(CompanySizes.band(size)).hasValue(band);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "unknown", "<10", "0", "0-10", "500-100", "10-", "-10", "1000++", "50 or so",
            "1234567890", "ten"})
    void readsNoBandFromAnythingElse(String size) {
        assertThat(CompanySizes.band(size)).isEmpty();
    }

    @Test
    void everyBandIsItsOwnBand() {
        assertThat(CompanySizes.BANDS).allSatisfy(band -> assertThat(CompanySizes.band(band)).hasValue(band));
    }
}
