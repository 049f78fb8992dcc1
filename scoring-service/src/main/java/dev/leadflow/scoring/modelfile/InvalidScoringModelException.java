package dev.leadflow.scoring.modelfile;

import java.util.List;

/** A scoring model file that cannot be used; the message lists every problem, each naming its rule and field. */
public class InvalidScoringModelException extends RuntimeException {

    private final List<String> problems;

    public InvalidScoringModelException(String source, List<String> problems) {
        super("Invalid scoring model " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
