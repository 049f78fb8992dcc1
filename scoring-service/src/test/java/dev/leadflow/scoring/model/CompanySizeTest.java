package dev.leadflow.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanySizeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "50 | 50",
            "1000+ | 1000",
            "1,000+ | 1000",
            "10,000 + | 10000",
            "201-500 | 201",
            "201 - 1000 | 201",
            "1-10 | 1",
            "5001–10000 | 5001",
            "10k+ | 10000",
            "5000 employees | 5000",
            "50 to 200 | 50"})
    void readsTheSmallestHeadCountAFormStates(String size, int lowerBound) {
        assertThat(CompanySize.lowerBound(size)).contains(lowerBound);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "unknown", "<10", "lots", "12345678901234"})
    void statesNoHeadCountForAnythingElse(String size) {
        assertThat(CompanySize.lowerBound(size)).isEmpty();
    }

    @Test
    void aRangeIsAtLeastItsLowerBoundNotItsUpperOne() {
        assertThat(CompanySize.lowerBound("201-1000")).contains(201);
    }
}
