package dev.leadflow.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PointSharesTest {

    @Test
    void splitsEvenlyWhenTheWeightsAreEqual() {
        assertThat(PointShares.split(10, new double[] {1, 1, 1, 1, 1})).containsExactly(2, 2, 2, 2, 2);
    }

    @Test
    void givesTheLeftOverPointsToTheLargestRemaindersThenToTheEarlierWeights() {
        assertThat(PointShares.split(10, new double[] {1, 1, 1})).containsExactly(4, 3, 3);
        assertThat(PointShares.split(3, new double[] {1, 0.5, 0.25})).containsExactly(2, 1, 0);
    }

    @Test
    void aZeroWeightGetsNothingAndZeroPointsSplitIntoZeros() {
        assertThat(PointShares.split(5, new double[] {0, 1})).containsExactly(0, 5);
        assertThat(PointShares.split(0, new double[] {1, 2})).containsExactly(0, 0);
    }

    @Test
    void theSharesAlwaysAddUpToTheTotalAndStayWithinAPointOfTheExactShare() {
        Random random = new Random(42);
        for (int run = 0; run < 10_000; run++) {
            double[] weights = new double[1 + random.nextInt(30)];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextInt(4) == 0 ? Math.pow(0.5, random.nextInt(40)) : random.nextDouble();
            }
            weights[random.nextInt(weights.length)] += 0.001;
            int total = random.nextInt(500);
            int[] shares = PointShares.split(total, weights);
            double sum = Arrays.stream(weights).sum();

            assertThat(Arrays.stream(shares).sum()).as("run %d", run).isEqualTo(total);
            for (int i = 0; i < shares.length; i++) {
                assertThat(Math.abs(shares[i] - total * weights[i] / sum)).as("run %d share %d", run, i)
                        .isLessThan(1.0 + 1e-9);
            }
        }
    }
}
