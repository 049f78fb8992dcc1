package dev.leadflow.systemtests.benchmark;

import dev.leadflow.systemtests.LeadflowSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far by every process of the run, by part: each service, the Kafka broker (the one other JVM the
 * run starts), PostgreSQL (all its processes), Redis, and the benchmark's own JVM (the load generator). The
 * difference of two snapshots divided by the leads accepted in between is the CPU a lead costs each part.
 */
final class ProcessCpu {

    static final String LOAD_GENERATOR = "load generator";
    static final String KAFKA = "kafka";

    private ProcessCpu() {
    }

    static Map<String, Duration> snapshot(LeadflowSystem system) {
        Map<Long, String> services = new HashMap<>();
        for (String service : LeadflowSystem.SERVICES) {
            services.put(system.service(service).pid(), service);
        }
        Map<String, Duration> cpu = new LinkedHashMap<>();
        LeadflowSystem.SERVICES.forEach(service -> cpu.put(service, Duration.ZERO));
        // PostgreSQL's postmaster detaches from the run (pg_ctl), so it and its backends are found by its port.
        String port = Integer.toString(system.stack().postgres().port());
        Stream<ProcessHandle> postgres = ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().arguments().map(args -> List.of(args).contains(port)).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()));
        Stream.of(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants(), postgres)
                .flatMap(processes -> processes).distinct().forEach(process -> {
            String part = process.pid() == ProcessHandle.current().pid() ? LOAD_GENERATOR
                    : services.getOrDefault(process.pid(), partOf(process));
            process.info().totalCpuDuration().ifPresent(used -> cpu.merge(part, used, Duration::plus));
        });
        return cpu;
    }

    /** Milliseconds of CPU per lead for each part between two snapshots, plus "total". */
    static Map<String, Double> perLead(Map<String, Duration> before, Map<String, Duration> after, int leads) {
        Map<String, Double> perLead = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Duration> part : after.entrySet()) {
            Duration used = part.getValue().minus(before.getOrDefault(part.getKey(), Duration.ZERO));
            double millis = Math.max(0, used.toNanos() / 1e6) / Math.max(1, leads);
            perLead.put(part.getKey(), millis);
            total += millis;
        }
        perLead.put("total", total);
        return perLead;
    }

    private static String partOf(ProcessHandle process) {
        String command = process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("other");
        if (command.startsWith("redis-server")) {
            return "redis"; // the embedded binary's name carries its version and platform
        }
        return command.equals("java") ? KAFKA : command;
    }
}
