package dev.leadflow.capture.lead;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Email domains of disposable (throwaway) mailbox providers: a lead writing from one of them rarely means to be
 * contacted. Matched on the domain and its parent domains, since such providers hand out subdomains too
 * ({@code abc.mailinator.com}); {@code notmailinator.com} does not match {@code mailinator.com}.
 */
public final class DisposableDomains {

    /** The list shipped with the service, one domain a line, {@code #} starts a comment. */
    public static final String SHIPPED_LIST = "/disposable-domains.txt";

    private final Set<String> domains;

    private DisposableDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    public static DisposableDomains of(Set<String> domains) {
        return new DisposableDomains(domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    public static DisposableDomains shipped() {
        return of(DomainLists.shipped(SHIPPED_LIST));
    }

    /** True when {@code domain} or one of its parent domains is listed. */
    public boolean contains(String domain) {
        String candidate = domain.toLowerCase(Locale.ROOT);
        while (true) {
            if (domains.contains(candidate)) {
                return true;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return false;
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    public int size() {
        return domains.size();
    }
}
