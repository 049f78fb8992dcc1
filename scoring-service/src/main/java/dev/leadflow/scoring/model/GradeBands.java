package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Objects;

/**
 * The grade of a score: a letter for fit (A best to D) and a digit for engagement (1 best to 4), e.g. {@code A1}
 * or {@code C3}. {@code fit} lists the lowest fit of A, B and C (below the last: D); {@code engagement} the lowest
 * engagement of 1, 2 and 3 (below the last: 4). A score exactly on a boundary gets the better band.
 */
public record GradeBands(List<Integer> fit, List<Integer> engagement) {

    public static final GradeBands DEFAULT = new GradeBands(List.of(60, 40, 20), List.of(60, 30, 10));

    private static final String LETTERS = "ABCD";

    public GradeBands {
        fit = descendingThree(fit, "fit");
        engagement = descendingThree(engagement, "engagement");
    }

    public String grade(Score score) {
        return LETTERS.charAt(band(fit, score.fit())) + String.valueOf(band(engagement, score.engagement()) + 1);
    }

    private static int band(List<Integer> minimums, int points) {
        int band = 0;
        while (band < minimums.size() && points < minimums.get(band)) {
            band++;
        }
        return band;
    }

    private static List<Integer> descendingThree(List<Integer> minimums, String key) {
        if (minimums == null || minimums.size() != 3 || minimums.stream().anyMatch(Objects::isNull)
                || minimums.get(0) <= minimums.get(1) || minimums.get(1) <= minimums.get(2)) {
            throw new IllegalArgumentException("grades." + key + ": must list three strictly descending minimums, "
                    + "e.g. [60, 40, 20]");
        }
        return List.copyOf(minimums);
    }
}
