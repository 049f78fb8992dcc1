package dev.leadflow.systemtests.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks for submitted personal data (emails, names, phone numbers) in log files, in one pass over each file: every
 * email and name carries its traffic's tag, so a line is compared only with the values of the tags it contains;
 * phone numbers (as sent and in E.164) are compared with every line.
 */
final class PersonalDataInLogs {

    private final Map<String, Set<String>> valuesByTag = new HashMap<>();
    private final Set<String> phones = new HashSet<>();

    /** Adds the values one traffic submitted; each is either a phone number or contains {@code tag}. */
    synchronized void add(String tag, Set<String> values) {
        for (String value : values) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.contains(tag.toLowerCase(Locale.ROOT))) {
                valuesByTag.computeIfAbsent(tag.toLowerCase(Locale.ROOT), t -> new HashSet<>()).add(lower);
            } else {
                phones.add(lower);
            }
        }
    }

    synchronized int size() {
        return valuesByTag.values().stream().mapToInt(Set::size).sum() + phones.size();
    }

    /** Each log line (file: line) holding a submitted value, at most {@code limit}. */
    synchronized List<String> findIn(Path logDirectory, int limit) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(logDirectory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                // Latin-1 reads any byte (a log may hold broken UTF-8); the values sought are ASCII.
                try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                    lines.filter(this::holdsPersonalData).limit(limit - found.size())
                            .forEach(line -> found.add(file.getFileName() + ": " + line));
                }
                if (found.size() >= limit) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the logs in " + logDirectory, e);
        }
        return found;
    }

    private boolean holdsPersonalData(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Set<String>> tag : valuesByTag.entrySet()) {
            if (lower.contains(tag.getKey()) && tag.getValue().stream().anyMatch(lower::contains)) {
                return true;
            }
        }
        return phones.stream().anyMatch(line::contains);
    }
}
