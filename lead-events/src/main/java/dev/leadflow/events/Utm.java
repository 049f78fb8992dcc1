package dev.leadflow.events;

/** UTM campaign parameters of a visit, as captured (trimmed, lower-cased); any may be null. */
public record Utm(String source, String medium, String campaign, String term, String content) {
}
