package dev.leadflow.capture.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountriesTest {

    @ParameterizedTest
    @CsvSource({"DE,DE", "de,DE", "dE,DE", "gb,GB", "US,US", "DEU,DE", "gbr,GB", "usa,US"})
    void readsAlpha2AndAlpha3CodesInAnyCase(String code, String alpha2) {
        assertThat(Countries.alpha2(code)).hasValue(alpha2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Germany | DE", "GERMANY | DE", "united kingdom | GB", "United States | US",
            "France | FR", "Japan | JP", "Brazil | BR", "new zealand | NZ", "Côte d’Ivoire | CI", "Cote d'Ivoire | CI",
            "Bosnia & Herzegovina | BA", "Bosnia and Herzegovina | BA", "St. Lucia | LC", "Saint Lucia | LC",
            "The Netherlands | NL", "Netherlands | NL", "Åland Islands | AX", "Curaçao | CW"})
    void readsEnglishNamesIgnoringCaseAccentsAndPunctuation(String name, String alpha2) {
        assertThat(Countries.alpha2(name)).hasValue(alpha2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"UK | GB", "Great Britain | GB", "England | GB", "USA | US",
            "United States of America | US", "U.S.A. | US", "UAE | AE", "Holland | NL", "Czech Republic | CZ",
            "Russia | RU", "South Korea | KR", "Turkey | TR", "Türkiye | TR", "Ivory Coast | CI", "Hong Kong | HK",
            "Viet Nam | VN"})
    void readsCommonAliases(String alias, String alpha2) {
        assertThat(Countries.alpha2(alias)).hasValue(alpha2);
    }

    @Test
    void readsTheEnglishNameOfEveryIsoCountry() {
        for (String code : Locale.getISOCountries()) {
            assertThat(Countries.alpha2(new Locale("", code).getDisplayCountry(Locale.ENGLISH))).hasValue(code);
            assertThat(Countries.alpha2(code.toLowerCase(Locale.ROOT))).hasValue(code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "ZZ", "Germania", "Atlantis", "1", "D", "the", "United", "-", "EU"})
    void namesNoCountryForAnythingElse(String text) {
        assertThat(Countries.alpha2(text)).isEmpty();
    }
}
