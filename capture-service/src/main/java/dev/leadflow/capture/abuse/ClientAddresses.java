package dev.leadflow.capture.abuse;

import dev.leadflow.capture.CaptureConfig;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** The address of the client of the current request, behind the configured trusted proxies. */
@ApplicationScoped
@Startup // builds the resolver at start-up, so a malformed trusted-proxies entry stops the service there
class ClientAddresses {

    private final ClientAddressResolver resolver;
    private final HttpServerRequest request;

    ClientAddresses(CaptureConfig config, HttpServerRequest request) {
        CaptureConfig.ClientAddress client = config.clientAddress();
        try {
            this.resolver = new ClientAddressResolver(client.trustedProxies().orElse(List.of()),
                    client.forwardedHeader());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("leadflow.capture.client-address.trusted-proxies: " + e.getMessage(), e);
        }
        this.request = request;
    }

    /** The rate-limit budget key of the current request's client (see {@link ClientAddressResolver#budgetKey}). */
    String currentBudgetKey() {
        SocketAddress remote = request.remoteAddress();
        Optional<InetAddress> peer = remote == null ? Optional.empty() : IpAddresses.parse(remote.hostAddress());
        if (peer.isEmpty()) {
            return "unknown"; // a Unix domain socket: only a local proxy connects that way
        }
        List<String> forwarded = request.headers().getAll(resolver.header().headerName());
        return ClientAddressResolver.budgetKey(resolver.resolve(peer.get(), forwarded));
    }
}
