package dev.leadflow.devstack.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Development keys and tokens for {@code ./leadflow}:
 *
 * <pre>
 * java -cp ... dev.leadflow.devstack.auth.JwtCli keys --dir .leadflow/keys
 *     creates the key pair once (kept afterwards) and prints the public key's path
 * java -cp ... dev.leadflow.devstack.auth.JwtCli token --dir .leadflow/keys [--role leadflow-viewer] [--ttl 1h]
 *     prints a signed bearer token
 * </pre>
 * Exits with 2 and a one-line message on a wrong option.
 */
public final class JwtCli {

    private static final Set<String> ROLES = Set.of(JwtTokens.VIEWER, JwtTokens.ADMIN);

    private JwtCli() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args, Instant.now()));
        } catch (IllegalArgumentException e) {
            System.err.println("leadflow: " + e.getMessage());
            System.exit(2);
        }
    }

    static String run(String[] args, Instant now) {
        if (args.length == 0) {
            throw new IllegalArgumentException("expected 'keys' or 'token'");
        }
        Map<String, String> options = parse(args);
        Path dir = Path.of(options.getOrDefault("dir", ".leadflow/keys")).toAbsolutePath();
        switch (args[0]) {
            case "keys" -> {
                return JwtKeys.loadOrCreate(dir).publicKeyFile().toString();
            }
            case "token" -> {
                String role = options.getOrDefault("role", JwtTokens.VIEWER);
                if (!ROLES.contains(role)) {
                    throw new IllegalArgumentException("--role must be leadflow-viewer or leadflow-admin, got: " + role);
                }
                Duration ttl = TokenLifetime.parse(options.getOrDefault("ttl", "1h"));
                String issuer = options.getOrDefault("issuer", JwtTokens.ISSUER);
                return JwtTokens.sign(JwtKeys.loadOrCreate(dir).privateKey(), issuer,
                        System.getProperty("user.name", "leadflow"), List.of(role), now, ttl);
            }
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "': expected 'keys' or 'token'");
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs after '" + args[0] + "', got: "
                        + String.join(" ", args));
            }
            String name = args[i].substring(2);
            if (!Set.of("dir", "role", "ttl", "issuer").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (see ./leadflow help)");
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
