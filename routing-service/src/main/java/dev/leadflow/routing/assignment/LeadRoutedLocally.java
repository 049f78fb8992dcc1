package dev.leadflow.routing.assignment;

/** CDI event fired when a routing decision is made; observers run only if its transaction commits. */
public record LeadRoutedLocally(String ownerType) {
}
