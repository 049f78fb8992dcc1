package dev.leadflow.capture.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FieldReaderTest {

    @Test
    void readsStringsNumbersAndBooleansAsCleanText() {
        FieldReader in = new FieldReader(Map.of("a", "  x ", "b", 42, "c", true));

        assertThat(in.field("a").value()).isEqualTo("x");
        assertThat(in.field("b").value()).isEqualTo("42");
        assertThat(in.field("c").value()).isEqualTo("true");
        assertThat(in.errors()).isEmpty();
    }

    @Test
    void rejectsObjectsAndListsAsTypeErrors() {
        FieldReader in = new FieldReader(Map.of("a", Map.of("x", 1), "b", List.of("y")));

        assertThat(in.field("a").required().value()).isNull();
        assertThat(in.field("b").value()).isNull();
        assertThat(in.errors()).containsExactly(
                new FieldError("a", "type", "must be a single value, not an object or a list"),
                new FieldError("b", "type", "must be a single value, not an object or a list"));
    }

    @Test
    void takesTheFirstNonBlankSpellingAndNamesItInErrors() {
        FieldReader in = new FieldReader(Map.of("utmSource", " ", "utm_source", "x".repeat(5)));

        FieldCheck check = in.field("utmSource", "utm_source").maxLength(3);

        assertThat(check.name()).isEqualTo("utm_source");
        assertThat(in.errors()).extracting(FieldError::field).containsExactly("utm_source");
    }

    @Test
    void reportsAMissingRequiredFieldUnderItsMainName() {
        FieldReader in = new FieldReader(Map.of());

        assertThat(in.field("email", "e_mail").required().value()).isNull();
        assertThat(in.errors()).containsExactly(new FieldError("email", "required", "is required"));
    }

    @Test
    void treatsBlankAsAbsent() {
        FieldReader in = new FieldReader(Map.of("email", " \t "));

        FieldCheck check = in.field("email");

        assertThat(check.isAbsent()).isTrue();
        assertThat(check.value()).isNull();
    }

    @Test
    void reportsEveryBrokenRuleOfAField() {
        FieldReader in = new FieldReader(Map.of("code", "abc!"));

        String value = in.field("code").maxLength(3).matches(Pattern.compile("[a-z]+"), "letters only").value();

        assertThat(value).isNull();
        assertThat(in.errors()).extracting(FieldError::rule).containsExactly("maxLength", "pattern");
    }

    @Test
    void skipsConversionOfAFieldThatAlreadyFailed() {
        FieldReader in = new FieldReader(Map.of("flag", "yes-please"));

        Boolean flag = in.field("flag").maxLength(3).parse(Values::bool, "boolean", "must be a boolean");

        assertThat(flag).isNull();
        assertThat(in.errors()).extracting(FieldError::rule).containsExactly("maxLength");
    }

    @Test
    void normalisesBeforeLaterRules() {
        FieldReader in = new FieldReader(Map.of("country", "de"));

        String country = in.field("country").normalise(String::toUpperCase)
                .check(code -> code.equals("DE"), "country", "must be a country").value();

        assertThat(country).isEqualTo("DE");
    }

    @Test
    void prefixesErrorsOfBatchItemsWithTheirIndex() {
        FieldReader batch = new FieldReader(Map.of());

        batch.item(Map.of(), 3).field("type").required();

        assertThat(batch.errors()).containsExactly(new FieldError("[3].type", "required", "is required"));
    }
}
