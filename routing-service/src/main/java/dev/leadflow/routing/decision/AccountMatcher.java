package dev.leadflow.routing.decision;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lead-to-account matching, before any rule: by the company email domain (never a free-mail domain, which says
 * nothing about the employer), else by the normalised company name.
 */
public final class AccountMatcher {

    /** Legal-form words that do not tell two companies apart: "Acme Inc." is "Acme GmbH" is "acme". */
    private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "corp", "corporation", "co",
            "company", "llc", "llp", "lp", "ltd", "limited", "plc", "gmbh", "ag", "kg", "ug", "sa", "sas", "sarl",
            "srl", "spa", "bv", "nv", "ab", "as", "oy", "pty", "kk");
    /** Dots and apostrophes join ("L.L.C." is "llc"); any other punctuation separates words. */
    private static final Pattern JOINING = Pattern.compile("[.'\u2019]");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private AccountMatcher() {
    }

    /** The matched account with how it matched, or why none did. */
    public static AccountCheck match(Lead lead, List<Account> accounts, Set<String> freeMailDomains) {
        Optional<String> domain = lead.emailDomain();
        String domainNote;
        if (domain.isEmpty()) {
            domainNote = "no email domain";
        } else if (isFreeMail(lead, domain.get(), freeMailDomains)) {
            domainNote = "email domain " + domain.get() + " is free mail, not matched";
        } else {
            for (Account account : accounts) {
                if (account.domains().stream().anyMatch(d -> d.equalsIgnoreCase(domain.get()))) {
                    return new AccountCheck(account.id(), account.ownerRepId(),
                            "email domain " + domain.get() + " belongs to account " + account.id());
                }
            }
            domainNote = "email domain " + domain.get() + " matches no account";
        }
        String company = normalise(lead.company());
        if (company.isEmpty()) {
            return new AccountCheck(null, null, domainNote + "; no company name");
        }
        for (Account account : accounts) {
            if (company.equals(normalise(account.name()))) {
                return new AccountCheck(account.id(), account.ownerRepId(),
                        domainNote + "; company name matches account " + account.id() + " ('" + company + "')");
            }
        }
        return new AccountCheck(null, null, domainNote + "; company name '" + company + "' matches no account");
    }

    /**
     * Lower case, punctuation gone, legal-form words dropped: {@code "ACME, Inc."} and {@code "Acme GmbH"} both
     * become {@code "acme"}. Empty for a missing name.
     */
    public static String normalise(String companyName) {
        if (companyName == null) {
            return "";
        }
        String[] words = NOT_ALPHANUMERIC.split(
                JOINING.matcher(companyName.toLowerCase(Locale.ROOT)).replaceAll("").trim());
        StringBuilder kept = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && !LEGAL_SUFFIXES.contains(word)) {
                kept.append(kept.isEmpty() ? "" : " ").append(word);
            }
        }
        return kept.toString();
    }

    private static boolean isFreeMail(Lead lead, String domain, Set<String> freeMailDomains) {
        // The event's flag (capture-service's full list) wins; the model's list covers events that do not carry it.
        return lead.freeMailDomain() != null ? lead.freeMailDomain() : freeMailDomains.contains(domain);
    }
}
