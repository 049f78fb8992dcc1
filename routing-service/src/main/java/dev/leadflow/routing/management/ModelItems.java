package dev.leadflow.routing.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadflow.routing.model.ModelDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * What the item resources (reps, teams, accounts, territories, rules) and the model resource answer: items as in the
 * model document plus the model {@code version} they were read from or stored in, with that version as the
 * {@code ETag}. Absent optional fields are left out.
 */
@ApplicationScoped
public class ModelItems {

    static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final ModelVersions versions;

    ModelItems(ModelVersions versions) {
        this.versions = versions;
    }

    public <T> Response list(ModelCollection<T> collection) {
        return list(versions.current(), collection);
    }

    public <T> Response get(ModelCollection<T> collection, String id) {
        ModelVersions.Stored current = versions.current();
        T item = collection.find(current.document(), id)
                .orElseThrow(() -> ModelChangeRejected.notFound(collection.kind(), id));
        return answer(Response.ok(), current.version(), item(current.version(), item));
    }

    /** Creates (201) or replaces (200) the item; the answer is the item as stored, with the new version. */
    public <T> Response put(ModelCollection<T> collection, String id, String body, String ifMatch, String actor) {
        T item = ModelRequests.item(body, collection, id);
        ModelVersions.Change change = versions.change(ifMatch, actor, "put " + collection.kind() + " " + id,
                400, document -> collection.put(document, item));
        boolean created = collection.find(change.before().document(), id).isEmpty();
        int version = change.after().version();
        return answer(created ? Response.status(Response.Status.CREATED) : Response.ok(), version,
                item(version, item));
    }

    /** Deletes the item; 409 naming every item that still refers to it. */
    public <T> Response delete(ModelCollection<T> collection, String id, String ifMatch, String actor) {
        ModelVersions.Change change = versions.change(ifMatch, actor, "delete " + collection.kind() + " " + id,
                409, document -> collection.delete(document, id)
                        .orElseThrow(() -> ModelChangeRejected.notFound(collection.kind(), id)));
        return answer(Response.ok(), change.after().version(), versioned(change.after().version()));
    }

    /** Replaces the whole list (rules: the new evaluation order). */
    public <T> Response replaceAll(ModelCollection<T> collection, String body, String ifMatch, String actor) {
        List<T> items = ModelRequests.items(body, collection);
        ModelVersions.Change change = versions.change(ifMatch, actor, "put " + collection.name() + " ("
                + items.size() + ")", 400, document -> collection.replaceAll(document, items));
        return list(change.after(), collection);
    }

    public Response model() {
        ModelVersions.Stored current = versions.current();
        return answer(Response.ok(), current.version(), document(current));
    }

    public Response putModel(String body, String ifMatch, String actor) {
        ModelDocument document = ModelRequests.document(body);
        ModelVersions.Change change = versions.change(ifMatch, actor, "put model", 400, current -> document);
        return answer(Response.ok(), change.after().version(), document(change.after()));
    }

    private <T> Response list(ModelVersions.Stored stored, ModelCollection<T> collection) {
        ObjectNode body = versioned(stored.version());
        ArrayNode items = body.putArray(ModelRequests.ITEMS);
        collection.items(stored.document()).forEach(item -> items.add(JSON.valueToTree(item)));
        return answer(Response.ok(), stored.version(), body);
    }

    private static ObjectNode document(ModelVersions.Stored stored) {
        ObjectNode body = versioned(stored.version());
        body.setAll((ObjectNode) JSON.valueToTree(stored.document()));
        return body;
    }

    private static ObjectNode item(int version, Object item) {
        ObjectNode body = versioned(version);
        body.setAll((ObjectNode) JSON.valueToTree(item));
        return body;
    }

    private static ObjectNode versioned(int version) {
        ObjectNode body = JSON.createObjectNode();
        body.put(ModelRequests.VERSION, version);
        return body;
    }

    private static Response answer(Response.ResponseBuilder builder, int version, ObjectNode body) {
        return builder.header(HttpHeaders.ETAG, Preconditions.etag(version)).type(MediaType.APPLICATION_JSON)
                .entity(body).build();
    }
}
