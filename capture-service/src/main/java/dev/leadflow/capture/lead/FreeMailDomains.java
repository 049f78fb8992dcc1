package dev.leadflow.capture.lead;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Email domains of consumer mailbox providers: a lead writing from one of them gives no company signal, which
 * scoring uses. Matched exactly, so {@code gmail.com} does not flag {@code notgmail.com}.
 */
public final class FreeMailDomains {

    /** The list shipped with the service, one domain a line, {@code #} starts a comment. */
    public static final String SHIPPED_LIST = "/free-mail-domains.txt";

    private final Set<String> domains;

    private FreeMailDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    public static FreeMailDomains of(Set<String> domains) {
        return new FreeMailDomains(domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    public static FreeMailDomains shipped() {
        return of(DomainLists.shipped(SHIPPED_LIST));
    }

    static FreeMailDomains parse(InputStream list) throws IOException {
        return of(DomainLists.read(list));
    }

    public boolean contains(String domain) {
        return domains.contains(domain.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return domains.size();
    }
}
