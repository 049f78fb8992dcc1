package dev.leadflow.routing.webhook;

import dev.leadflow.events.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one delivery as a CloudEvent in HTTP binary mode ({@code ce-*} headers, the event JSON as the body) signed
 * in the Standard Webhooks style, with the JDK's HTTP client: connect and read timeouts, redirects never followed
 * (a redirect could lead into the internal network). Before each attempt the host's addresses are resolved and
 * refused when one is not public, unless the host is configured as internal.
 */
@ApplicationScoped
public class WebhookSender {

    /** How an attempt went: what the policy needs, and what the delivery log shows. */
    public record Result(DeliveryPolicy.Attempt attempt, Instant attemptedAt, Integer httpStatus, long latencyMs,
            String error) {
    }

    private final HttpClient client;
    private final WebhookConfig config;
    private final EndpointUrls urls;
    private final Clock clock;

    WebhookSender(WebhookConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.urls = new EndpointUrls(config.internalHosts());
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Sends one attempt; the future never fails: every failure is a {@link Result}. */
    public CompletableFuture<Result> send(WebhookDeliveries.Claimed delivery) {
        Instant attemptedAt = clock.instant();
        long started = System.nanoTime();
        URI uri = URI.create(delivery.url());
        try {
            if (!urls.allowsInternal(uri.getHost())) {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (!EndpointUrls.isPublic(address)) {
                        String reason = "refused: the host resolves to a non-public address "
                                + address.getHostAddress();
                        return CompletableFuture.completedFuture(new Result(new DeliveryPolicy.Refused(reason),
                                attemptedAt, null, elapsed(started), reason));
                    }
                }
            }
        } catch (UnknownHostException e) {
            return CompletableFuture.completedFuture(noAnswer("unknown host", attemptedAt, started));
        }
        long timestamp = attemptedAt.getEpochSecond();
        String id = delivery.eventId().toString();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("content-type", "application/json")
                .header("ce-specversion", EventTypes.SPEC_VERSION)
                .header("ce-id", id)
                .header("ce-type", delivery.eventType())
                .header("ce-source", delivery.eventSource())
                .header("ce-time", DateTimeFormatter.ISO_INSTANT.format(delivery.eventTime().atOffset(ZoneOffset.UTC)))
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        WebhookSignature.sign(delivery.secret(), id, timestamp, delivery.payload()))
                .header("user-agent", "Leadflow-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                // The client's timeout covers the answer's headers; this also bounds a body that never ends.
                .orTimeout(config.connectTimeout().plus(config.readTimeout()).toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> failure == null
                        ? new Result(new DeliveryPolicy.Answered(response.statusCode(),
                                response.headers().firstValue("retry-after").orElse(null)),
                                attemptedAt, response.statusCode(), elapsed(started),
                                response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode())
                        : noAnswer(describe(failure), attemptedAt, started));
    }

    private static Result noAnswer(String error, Instant attemptedAt, long started) {
        return new Result(new DeliveryPolicy.NoAnswer(error), attemptedAt, null, elapsed(started), error);
    }

    /** Names the failure without its message, which could echo the URL (and whatever its query string holds). */
    static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "read timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException) {
            return "connection error (" + cause.getClass().getSimpleName() + ")";
        }
        return "send failed (" + cause.getClass().getSimpleName() + ")";
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
