package dev.leadflow.capture.lead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = FreeMailDomains.class.getResourceAsStream(SHIPPED_LIST)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED_LIST + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + SHIPPED_LIST, e);
        }
    }

    static FreeMailDomains parse(InputStream list) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            return of(reader.lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toSet()));
        }
    }

    public boolean contains(String domain) {
        return domains.contains(domain.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return domains.size();
    }
}
