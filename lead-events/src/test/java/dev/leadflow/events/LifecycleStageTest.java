package dev.leadflow.events;

import static dev.leadflow.events.LifecycleStage.CUSTOMER;
import static dev.leadflow.events.LifecycleStage.DISQUALIFIED;
import static dev.leadflow.events.LifecycleStage.LEAD;
import static dev.leadflow.events.LifecycleStage.MQL;
import static dev.leadflow.events.LifecycleStage.NURTURE;
import static dev.leadflow.events.LifecycleStage.OPPORTUNITY;
import static dev.leadflow.events.LifecycleStage.RECYCLED;
import static dev.leadflow.events.LifecycleStage.SAL;
import static dev.leadflow.events.LifecycleStage.SQL;
import static dev.leadflow.events.LifecycleStage.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleStageTest {

    @Test
    void followsTheFunnelForwards() {
        List<LifecycleStage> funnel = List.of(SUBSCRIBER, LEAD, MQL, SAL, SQL, OPPORTUNITY, CUSTOMER);
        for (int i = 0; i + 1 < funnel.size(); i++) {
            assertThat(funnel.get(i).canMoveTo(funnel.get(i + 1))).as(funnel.get(i) + " -> " + funnel.get(i + 1))
                    .isTrue();
        }
    }

    @Test
    void neverMovesSilentlyBackwards() {
        List<LifecycleStage> funnel = List.of(SUBSCRIBER, LEAD, MQL, SAL, SQL, OPPORTUNITY, CUSTOMER);
        for (int from = 0; from < funnel.size(); from++) {
            for (int to = 0; to <= from; to++) {
                assertThat(funnel.get(from).canMoveTo(funnel.get(to))).as(funnel.get(from) + " -> " + funnel.get(to))
                        .isFalse();
            }
        }
    }

    @Test
    void goingBackIsAnExplicitRecycleFromMqlOnUntilTheDeal() {
        for (LifecycleStage stage : LifecycleStage.values()) {
            boolean expected = EnumSet.of(MQL, SAL, SQL, OPPORTUNITY).contains(stage);
            assertThat(stage.canMoveTo(RECYCLED)).as(stage + " -> recycled").isEqualTo(expected);
        }
    }

    @Test
    void aRecycledLeadCanQualifyAgainOrRestInNurture() {
        assertThat(RECYCLED.next()).containsExactlyInAnyOrder(NURTURE, MQL, DISQUALIFIED);
        assertThat(NURTURE.canMoveTo(MQL)).isTrue();
    }

    @Test
    void anyStageButTheEndsCanBeDisqualifiedAndTheEndsAreFinal() {
        for (LifecycleStage stage : LifecycleStage.values()) {
            boolean end = stage == CUSTOMER || stage == DISQUALIFIED;
            assertThat(stage.canMoveTo(DISQUALIFIED)).as(stage + " -> disqualified").isEqualTo(!end);
            assertThat(stage.next().isEmpty()).as(stage + " is final").isEqualTo(end);
            assertThat(stage.canMoveTo(stage)).as(stage + " -> itself").isFalse();
        }
    }

    @Test
    void marketingOwnsSubscriberLeadNurtureMqlAndRecycled() {
        assertThat(EnumSet.allOf(LifecycleStage.class)).filteredOn(LifecycleStage::marketing)
                .containsExactlyInAnyOrder(SUBSCRIBER, LEAD, NURTURE, MQL, RECYCLED);
    }

    @Test
    void isNamedByLowerCaseKeysInEvents() {
        for (LifecycleStage stage : LifecycleStage.values()) {
            assertThat(stage.key()).matches("[a-z]+");
            assertThat(LifecycleStage.byKey(stage.key())).contains(stage);
        }
        assertThat(LifecycleStage.byKey("MQL")).isEmpty();
    }
}
