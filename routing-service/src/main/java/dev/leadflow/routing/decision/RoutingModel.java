package dev.leadflow.routing.decision;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Everything routing decides with, as one immutable version: reps (in order: round robin follows it), teams, named
 * accounts, territories and the rules (in order: first match wins). {@code defaultQueue} takes leads no rule
 * matches; {@code defaultFirstContactSla} applies where no rule sets one; {@code freeMailDomains} are never matched
 * to an account when the event does not say whether the address is free mail.
 */
public record RoutingModel(int version, List<Rep> reps, List<Team> teams, List<Account> accounts,
        List<Territory> territories, List<Rule> rules, String defaultQueue, Duration defaultFirstContactSla,
        Set<String> freeMailDomains) {

    public RoutingModel {
        reps = List.copyOf(reps);
        teams = List.copyOf(teams);
        accounts = List.copyOf(accounts);
        territories = List.copyOf(territories);
        rules = List.copyOf(rules);
        Set<String> domains = new TreeSet<>();
        freeMailDomains.forEach(domain -> domains.add(domain.toLowerCase(Locale.ROOT)));
        freeMailDomains = Set.copyOf(domains);
        if (defaultQueue == null || defaultQueue.isBlank()) {
            throw new IllegalArgumentException("the default queue must not be blank");
        }
        requireUnique("rep", reps, Rep::id);
        requireUnique("team", teams, Team::id);
        requireUnique("account", accounts, Account::id);
        requireUnique("territory", territories, Territory::id);
        requireUnique("rule", rules, Rule::id);
    }

    public Optional<Rep> rep(String id) {
        return reps.stream().filter(rep -> rep.id().equals(id)).findFirst();
    }

    public Optional<Team> team(String id) {
        return teams.stream().filter(team -> team.id().equals(id)).findFirst();
    }

    /** The reps of a team, in the model's rep order. */
    public List<Rep> members(String teamId) {
        return reps.stream().filter(rep -> rep.teams().contains(teamId)).toList();
    }

    public Map<String, Territory> territoriesById() {
        Map<String, Territory> byId = new LinkedHashMap<>();
        territories.forEach(territory -> byId.put(territory.id(), territory));
        return byId;
    }

    private static <T> void requireUnique(String kind, List<T> items, Function<T, String> id) {
        Set<String> seen = new TreeSet<>();
        Set<String> duplicated = new TreeSet<>();
        items.forEach(item -> {
            if (!seen.add(id.apply(item))) {
                duplicated.add(id.apply(item));
            }
        });
        if (!duplicated.isEmpty()) {
            throw new IllegalArgumentException(kind + " ids must be unique; duplicated: " + duplicated);
        }
    }
}
