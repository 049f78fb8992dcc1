package dev.leadflow.systemtests.faults;

import java.time.Duration;

/**
 * How hard the fault suite pushes. {@code quick} runs inside {@code ./mvnw verify}; {@code long} is the
 * {@code -Pfaults-long} run of the README (more traffic, every kill repeated).
 *
 * @param ratePerSecond submissions per second while a scenario runs
 * @param leadIn        traffic before the fault
 * @param leadOut       traffic after recovery
 * @param repeats       how often each kill or restart is repeated in its scenario (the broker: 3 rounds each)
 * @param redisDown     how long Redis stays stopped
 * @param settle        how long the topics may take to hold everything after the traffic stopped
 * @param recoveryBound the documented bound on a service being ready again after a fault ends
 * @param giveUpAfter   how long one submission is retried before it counts as never accepted
 */
record FaultProfile(String name, double ratePerSecond, Duration leadIn, Duration leadOut, int repeats,
        Duration redisDown, Duration settle, Duration recoveryBound, Duration giveUpAfter) {

    static FaultProfile fromSystemProperties() {
        String name = System.getProperty("leadflow.faults.profile", "quick");
        return switch (name) {
            case "quick" -> new FaultProfile(name, 4, Duration.ofSeconds(2), Duration.ofSeconds(3), 1,
                    Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofSeconds(180));
            case "long" -> new FaultProfile(name, 12, Duration.ofSeconds(10), Duration.ofSeconds(15), 3,
                    Duration.ofSeconds(30), Duration.ofSeconds(300), Duration.ofSeconds(60), Duration.ofSeconds(300));
            default -> throw new IllegalArgumentException("leadflow.faults.profile is quick or long, not " + name);
        };
    }
}
