package dev.leadflow.scoring.model;

/**
 * Splits a whole number of points into whole shares proportional to weights, so that the shares always add up to
 * the total (largest remainder method): each share is its exact part rounded down, and the points left over go one
 * each to the largest fractional parts (ties to the earlier weight).
 */
final class PointShares {

    private PointShares() {
    }

    /** @param total at least 0; @param weights none negative, at least one positive */
    static int[] split(int total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        int[] shares = new int[weights.length];
        double[] fractions = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (int) Math.floor(exact);
            fractions[i] = exact - shares[i];
            given += shares[i];
        }
        // Floating-point error can leave the floors a point above the total; never hand out more than it.
        for (int i = weights.length - 1; given > total && i >= 0; i--) {
            if (shares[i] > 0) {
                shares[i]--;
                given--;
            }
        }
        for (int left = total - given; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < fractions.length; i++) {
                if (fractions[i] > fractions[largest]) {
                    largest = i;
                }
            }
            shares[largest]++;
            fractions[largest] = -1;
        }
        return shares;
    }
}
