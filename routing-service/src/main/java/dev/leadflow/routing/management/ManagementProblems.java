package dev.leadflow.routing.management;

import dev.leadflow.routing.rest.Problem;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused model read or change as problem+json, each error naming the item and field and the broken rule. */
public class ManagementProblems {

    private static final String TYPE_BASE = "https://leadflow.dev/problems/";

    @ServerExceptionMapper
    public Response rejected(ModelChangeRejected e) {
        String slug = e.status() == 400 ? "validation" : e.title().toLowerCase(Locale.ROOT).replace(' ', '-');
        Problem problem = new Problem(TYPE_BASE + slug, e.title(), e.status(), e.getMessage(),
                e.errors().isEmpty() ? null : e.errors().stream()
                        .map(error -> new Problem.FieldError(error.field(), error.rule(), error.message())).toList());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
