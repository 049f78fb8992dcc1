package dev.leadflow.scoring.rest;

import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.modelstore.ModelDocument;
import dev.leadflow.scoring.modelstore.ModelFormat;
import dev.leadflow.scoring.modelstore.ScoringModelStore;
import dev.leadflow.scoring.modelstore.StoredModel;
import dev.leadflow.scoring.preview.ModelPreviews;
import dev.leadflow.scoring.preview.PreviewReport;
import dev.leadflow.scoring.rescore.RescoreJob;
import dev.leadflow.scoring.rescore.RescoreJobs;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The scoring model: read it (viewer), replace it (admin, re-scores every lead), preview a draft (admin). */
@Path("/api/v1/scoring")
public class ScoringModelResource {

    static final String YAML = "application/yaml";
    private static final String X_YAML = "application/x-yaml";
    private static final String TEXT_YAML = "text/yaml";
    private static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final java.util.regex.Pattern IF_MATCH = java.util.regex.Pattern.compile("^(?:W/)?\"?(\\d{1,9})\"?$");
    private static final java.util.regex.Pattern LEADS = java.util.regex.Pattern.compile("^\\d{1,9}$");

    private final ScoringModelStore models;
    private final RescoreJobs rescores;
    private final ModelPreviews previews;
    private final SecurityIdentity identity;

    ScoringModelResource(ScoringModelStore models, RescoreJobs rescores, ModelPreviews previews,
            SecurityIdentity identity) {
        this.models = models;
        this.rescores = rescores;
        this.previews = previews;
        this.identity = identity;
    }

    @GET
    @Path("/model")
    @RolesAllowed({"leadflow-viewer", "leadflow-admin"})
    @Produces({MediaType.APPLICATION_JSON, YAML, X_YAML, TEXT_YAML})
    @Operation(summary = "The active scoring model: JSON with its version, source and latest re-score (default), or "
            + "the YAML document as stored (Accept: application/yaml; version in ETag, source in Leadflow-Model-Source)")
    @APIResponse(responseCode = "200", description = "The active model",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelResponse.class)),
                @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING))})
    public Response active(@Context HttpHeaders headers) {
        StoredModel model = models.latest();
        Response.ResponseBuilder response = wantsYaml(headers)
                ? Response.ok(model.document().yaml(), YAML)
                : Response.ok(ModelResponse.of(model, rescores.latest().orElse(null)), MediaType.APPLICATION_JSON);
        return response.tag(etag(model)).lastModified(Date.from(model.createdAt()))
                .header("Leadflow-Model-Source", model.source()).build();
    }

    @GET
    @Path("/model/versions")
    @RolesAllowed({"leadflow-viewer", "leadflow-admin"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every stored model version, newest first (the first is active)")
    public List<ModelVersionResponse> versions() {
        return models.versions().stream().map(ModelVersionResponse::of).toList();
    }

    @PUT
    @Path("/model")
    @RolesAllowed("leadflow-admin")
    @Consumes({YAML, X_YAML, TEXT_YAML, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the scoring model: validated, stored as the next version, active at once here "
            + "(other instances within the cache TTL), and every lead is re-scored in the background")
    @APIResponse(responseCode = "200", description = "The new active model and its re-score job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid model (each error names the rule and the field) or "
            + "If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer active",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers) {
        Integer basedOn = basedOn(ifMatch);
        ModelDocument document = new ModelDocument(body, format(headers));
        ScoringModel parsed = document.parse("request body");
        StoredModel stored = models.store(document, parsed, basedOn, "api", identity.getPrincipal().getName());
        RescoreJob job = rescores.latest().filter(latest -> latest.modelVersion() == stored.version()).orElse(null);
        return Response.ok(ModelResponse.of(stored, job), MediaType.APPLICATION_JSON).tag(etag(stored)).build();
    }

    @POST
    @Path("/preview")
    @RolesAllowed("leadflow-admin")
    @Consumes({YAML, X_YAML, TEXT_YAML, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How a draft model would score the most recently captured leads compared with the active "
            + "model, both at this moment; changes nothing")
    @APIResponse(responseCode = "200", description = "The comparison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid draft model or leads",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PreviewReport preview(String body, @QueryParam("leads") @DefaultValue("" + ModelPreviews.DEFAULT_LEADS)
            String leads, @Context HttpHeaders headers) {
        int count = leads(leads);
        ScoringModel draft = new ModelDocument(body, format(headers)).parse("request body");
        return previews.preview(draft, count);
    }

    @GET
    @Path("/rescores/{id}")
    @RolesAllowed({"leadflow-viewer", "leadflow-admin"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress of re-scoring every lead after a model change")
    @APIResponse(responseCode = "200", description = "The job's progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RescoreResponse.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RescoreResponse rescore(@PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID")
            String id) {
        return rescores.find(UUID.fromString(id)).map(RescoreResponse::of)
                .orElseThrow(() -> new UnknownRescoreException("No rescore job " + id));
    }

    private static EntityTag etag(StoredModel model) {
        return new EntityTag(Integer.toString(model.version()));
    }

    /** YAML when the client prefers a YAML type to JSON; JSON for anything else, {@code *}/{@code *} included. */
    private static boolean wantsYaml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (isYaml(type)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static ModelFormat format(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) ? ModelFormat.JSON
                : ModelFormat.YAML;
    }

    private static boolean isYaml(MediaType type) {
        return !type.isWildcardSubtype() && (type.getSubtype().equals("yaml") || type.getSubtype().equals("x-yaml"));
    }

    /** The version named by If-Match ({@code "3"}, {@code 3} or {@code W/"3"}); null when absent or {@code *}. */
    private static Integer basedOn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        var match = IF_MATCH.matcher(ifMatch.trim());
        if (!match.matches()) {
            throw new InvalidRequestException(new Problem.FieldError(HttpHeaders.IF_MATCH, "modelVersion",
                    "must be the model version the change is based on, as its ETag (e.g. \"3\")"));
        }
        return Integer.valueOf(match.group(1));
    }

    private static int leads(String leads) {
        int count = LEADS.matcher(leads).matches() ? Integer.parseInt(leads) : -1;
        if (count < 1 || count > ModelPreviews.MAX_LEADS) {
            throw new InvalidRequestException(new Problem.FieldError("leads", "range",
                    "must be a whole number from 1 to " + ModelPreviews.MAX_LEADS));
        }
        return count;
    }
}
