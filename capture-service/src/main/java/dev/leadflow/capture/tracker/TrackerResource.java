package dev.leadflow.capture.tracker;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /leadflow.js}: the tracker sites embed with one script tag ({@code src/main/resources/tracker/}).
 * Served from here rather than as a static file so that its type and caching are stated, not guessed.
 */
@Path("/leadflow.js")
@Tag(name = "Tracker")
public class TrackerResource {

    static final String MEDIA_TYPE = "text/javascript; charset=utf-8";
    // The URL carries no version, so a fix must reach every site soon; the ETag makes revalidation a cheap 304.
    static final String CACHE_CONTROL = "public, max-age=3600";

    private static final byte[] SCRIPT = load();
    private static final EntityTag ETAG = new EntityTag(sha256(SCRIPT));

    @GET
    @Produces("text/javascript")
    @Operation(summary = "The embeddable tracker",
            description = "Embed with <script src=\"https://capture.example.com/leadflow.js\" defer></script>. Sets "
                    + "the first-party cookie leadflow_aid (anonymousId), keeps the landing page's UTM parameters for "
                    + "the visit, sends a page_view touchpoint per page and fills the hidden fields of Leadflow forms.")
    @APIResponse(responseCode = "200", description = "The script")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag the browser holds")
    public Response script(@Context Request request) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(ETAG);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(SCRIPT, MEDIA_TYPE);
        return answer.tag(ETAG)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header("X-Content-Type-Options", "nosniff")
                // Lets sites that isolate themselves (Cross-Origin-Embedder-Policy) still load it.
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .build();
    }

    private static byte[] load() {
        try (InputStream in = TrackerResource.class.getResourceAsStream("/tracker/leadflow.js")) {
            if (in == null) {
                throw new IllegalStateException("tracker/leadflow.js is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
