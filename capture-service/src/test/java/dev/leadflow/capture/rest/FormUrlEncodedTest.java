package dev.leadflow.capture.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormUrlEncodedTest {

    @Test
    void decodesPercentEncodingAndPlusAsSpace() {
        assertThat(FormUrlEncoded.decode("email=ada%40example.com&company=Acme+%26+Co&name=Jos%C3%A9"))
                .containsEntry("email", "ada@example.com")
                .containsEntry("company", "Acme & Co")
                .containsEntry("name", "José");
    }

    @Test
    void keepsTheLastValueOfARepeatedField() {
        assertThat(FormUrlEncoded.decode("consentMarketing=false&consentMarketing=on"))
                .containsEntry("consentMarketing", "on");
    }

    @Test
    void readsFieldsWithoutValueAsEmptyAndSkipsEmptyPairs() {
        assertThat(FormUrlEncoded.decode("a&&b=")).containsEntry("a", "").containsEntry("b", "").hasSize(2);
        assertThat(FormUrlEncoded.decode("")).isEmpty();
    }

    @Test
    void refusesMalformedPercentEncoding() {
        assertThatThrownBy(() -> FormUrlEncoded.decode("email=%zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
