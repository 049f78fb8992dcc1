package dev.leadflow.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.Utm;
import org.junit.jupiter.api.Test;

class ChannelTest {

    @Test
    void isTheUtmSourceAndMedium() {
        Channel channel = Channel.of(new Utm("google", "cpc", "brand", "leadflow", "ad-1"));

        assertThat(channel).isEqualTo(new Channel("google", "cpc"));
        assertThat(channel.name()).isEqualTo("google / cpc");
    }

    @Test
    void isDirectWhenTheVisitHasNoUtm() {
        assertThat(Channel.of(null).name()).isEqualTo("(direct) / (none)");
        assertThat(Channel.of(new Utm(null, null, "spring", null, null)).name()).isEqualTo("(direct) / (none)");
    }

    @Test
    void namesWhatIsMissingWhenOnlyOneOfSourceAndMediumIsKnown() {
        assertThat(Channel.of(new Utm("newsletter", null, null, null, null)).name()).isEqualTo("newsletter / (none)");
        assertThat(Channel.of(new Utm(null, "email", null, null, null)).name()).isEqualTo("(direct) / email");
    }

    @Test
    void treatsBlankValuesAsAbsent() {
        assertThat(Channel.of(new Utm(" ", "", null, null, null)).name()).isEqualTo("(direct) / (none)");
    }
}
