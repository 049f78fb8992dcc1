package dev.leadflow.devstack;

/**
 * Main class of the Kafka child JVM: starts {@code kafka.Kafka} and halts the JVM as soon as its standard
 * input closes, which happens when the parent process dies, so no broker outlives its stack.
 */
public final class BrokerLauncher {

    private BrokerLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // keep reading until the parent closes the pipe
                }
            } catch (java.io.IOException ignored) {
                // a broken pipe means the same as end of input
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }
}
