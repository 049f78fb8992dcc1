package dev.leadflow.capture.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void trimsSurroundingWhitespaceIncludingUnicodeSpaces() {
        assertThat(Text.clean(" \u2003Ada Lovelace\u00A0 ")).isEqualTo("Ada Lovelace");
    }

    @Test
    void turnsLineBreaksAndTabsIntoSpaces() {
        assertThat(Text.clean("Acme\r\nInc\tLtd")).isEqualTo("Acme  Inc Ltd");
    }

    @Test
    void stripsOtherControlCharacters() {
        assertThat(Text.clean("Ad\u0000a\u0007\u007F\u009B")).isEqualTo("Ada");
    }

    @Test
    void turnsBlankAndControlOnlyTextIntoNull() {
        assertThat(Text.clean("")).isNull();
        assertThat(Text.clean("   ")).isNull();
        assertThat(Text.clean("\u0000\n")).isNull();
        assertThat(Text.clean(null)).isNull();
    }

    @Test
    void composesDecomposedCharacters() {
        assertThat(Text.clean("Jose\u0301")).isEqualTo("Jos\u00E9");
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertThat(Text.length("\uD83D\uDE00ab")).isEqualTo(3);
    }
}
