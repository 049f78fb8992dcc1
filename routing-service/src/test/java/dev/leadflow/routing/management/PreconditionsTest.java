package dev.leadflow.routing.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PreconditionsTest {

    @Test
    void theETagIsTheQuotedModelVersion() {
        assertThat(Preconditions.etag(7)).isEqualTo("\"7\"");
    }

    @Test
    void passesWithoutIfMatchWithAStarOrWithTheCurrentVersionInAnyForm() {
        for (String ifMatch : new String[] {null, "", "*", "\"7\"", "7", "W/\"7\"", "\"6\", \"7\""}) {
            assertThatCode(() -> Preconditions.requireCurrent(ifMatch, 7)).as(ifMatch).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesAnOlderOrUnreadableVersionWith412() {
        for (String ifMatch : new String[] {"\"6\"", "\"8\"", "W/\"6\"", "version-7", "\"6\", \"5\""}) {
            assertThatThrownBy(() -> Preconditions.requireCurrent(ifMatch, 7)).as(ifMatch)
                    .isInstanceOfSatisfying(ModelChangeRejected.class, e -> {
                        assertThat(e.status()).isEqualTo(412);
                        assertThat(e.getMessage()).contains("current version \"7\"");
                    });
        }
    }
}
