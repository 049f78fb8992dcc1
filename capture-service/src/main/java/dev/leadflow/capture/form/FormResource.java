package dev.leadflow.capture.form;

import dev.leadflow.capture.form.FormRepository.Saved;
import dev.leadflow.capture.rest.Problems;
import dev.leadflow.capture.rest.RequestBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/forms}: the form registry. Reading needs role {@code leadflow-viewer} or {@code leadflow-admin},
 * changing needs {@code leadflow-admin}; a refused request changes nothing.
 */
@Path("/api/v1/forms")
@Tag(name = "Forms", description = "The forms intake accepts, and their rules")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class FormResource {

    static final String VIEWER = "leadflow-viewer";
    static final String ADMIN = "leadflow-admin";

    private static final String FORM_EXAMPLE = """
            {"name": "Contact sales", "allowedOrigins": ["https://www.example.com", "https://*.example.com"],
             "requiredFields": ["firstName", "company"],
             "allowedRedirects": ["https://www.example.com/thanks", "go.example.com"],
             "honeypotField": "website", "minFillTime": "PT3S", "consentTextVersion": "privacy-2026.1",
             "hiddenDefaults": {"utm_medium": "web-form", "industry": "Software"}}""";
    private static final String STORED_EXAMPLE = """
            {"formId": "contact", "name": "Contact sales",
             "allowedOrigins": ["https://www.example.com", "https://*.example.com"],
             "requiredFields": ["firstName", "company"],
             "allowedRedirects": ["https://www.example.com/thanks", "go.example.com"],
             "honeypotField": "website", "minFillTime": "PT3S", "consentTextVersion": "privacy-2026.1",
             "hiddenDefaults": {"utmMedium": "web-form", "industry": "Software"},
             "version": 2, "updatedAt": "2026-11-24T09:30:00.123456Z"}""";
    private static final String INVALID_EXAMPLE = """
            {"type": "urn:leadflow:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields broke a rule; nothing was accepted", "instance": "/api/v1/forms/contact",
             "errors": [{"field": "requiredFields[1]", "rule": "knownField",
                         "message": "must be a field intake reads, other than email and formId"},
                        {"field": "minFillTime", "rule": "duration", "message": "must be an ISO-8601 duration, e.g. PT3S"}]}""";
    private static final String SETTINGS_DOC = "Settings (all optional but name): name; allowedOrigins (origins "
            + "whose pages may post the form, e.g. https://www.example.com or https://*.example.com; empty: any); "
            + "requiredFields (intake fields required beyond email and formId); allowedRedirects (hosts such as "
            + "www.example.com or *.example.com, or URL prefixes such as https://www.example.com/thanks; a redirectUrl "
            + "elsewhere is refused, and without entries none is allowed); honeypotField (a field the page hides: a "
            + "submission filling it is answered like a success but dropped); minFillTime (ISO-8601, at most PT10M: a "
            + "submission the tracker timed faster is dropped the same way); consentTextVersion (recorded with a "
            + "consent decision that names no version); hiddenDefaults (values for fields a submission leaves absent; "
            + "not email, formId, consentMarketing, consentTextVersion or anonymousId). version and updatedAt are "
            + "read-only and ignored, so a form read with GET may be sent back as it is.";

    private final FormRegistry registry;
    private final FormDefinitionParser parser;
    private final RequestBodies bodies;

    FormResource(FormRegistry registry, FormDefinitionParser parser, RequestBodies bodies) {
        this.registry = registry;
        this.parser = parser;
        this.bodies = bodies;
    }

    @GET
    @RolesAllowed({VIEWER, ADMIN})
    @Operation(summary = "List the registered forms, by formId")
    @APIResponse(responseCode = "200", description = "Every registered form",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "forms", value = "[" + STORED_EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token grants neither leadflow-viewer nor leadflow-admin")
    public List<FormView> list() {
        return registry.list().stream().map(FormView::of).toList();
    }

    @GET
    @Path("{formId}")
    @RolesAllowed({VIEWER, ADMIN})
    @Operation(summary = "Read one form")
    @APIResponse(responseCode = "200", description = "The form",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "form", value = STORED_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token grants neither leadflow-viewer nor leadflow-admin")
    @APIResponse(responseCode = "404", description = "No form with this formId")
    public FormView get(@PathParam("formId") String formId) {
        return registry.get(formId).map(FormView::of).orElseThrow(Problems::unknownForm);
    }

    @PUT
    @Path("{formId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Create or replace a form",
            description = SETTINGS_DOC + " Intake applies the change at once on this instance, and within "
                    + "leadflow.capture.forms.cache-ttl (5 s) on the others.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "form", value = FORM_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; the stored form with its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "form", value = STORED_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created (version 1)")
    @APIResponse(responseCode = "400", description = "Invalid definition: every broken rule, naming the setting",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token does not grant leadflow-admin")
    public Response put(@PathParam("formId") String formId, String body, @Context UriInfo uri) {
        FormDefinition form = parser.parse(formId, bodies.jsonObject(body)).valueOrThrow(Problems::invalid);
        Saved saved = registry.put(form);
        return (saved.created() ? Response.created(uri.getAbsolutePath()) : Response.ok())
                .entity(FormView.of(saved.form())).build();
    }

    @DELETE
    @Path("{formId}")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Delete a form", description = "Submissions naming it are refused from then on (400, rule "
            + "registeredForm). A form of the seed file is created again at the next start.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token does not grant leadflow-admin")
    @APIResponse(responseCode = "404", description = "No form with this formId")
    public Response delete(@PathParam("formId") String formId) {
        if (!registry.delete(formId)) {
            throw Problems.unknownForm();
        }
        return Response.noContent().build();
    }
}
