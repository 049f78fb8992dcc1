package dev.leadflow.capture.lead;

import dev.leadflow.capture.idempotency.IdempotencyKeys;
import dev.leadflow.capture.idempotency.IdempotentRequests;
import dev.leadflow.capture.rest.RequestBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/leads}: the public intake of form submissions, as JSON or as a plain HTML form. */
@Path("/api/v1/leads")
@Tag(name = "Leads")
public class LeadResource {

    private static final String SCOPE = "leads";
    private static final String ORIGIN = "Origin";
    private static final String ORIGIN_DOC = "Sent by browsers; when the form lists allowed origins, a request with "
            + "another Origin is refused (403)";
    // Both variants share one path, so OpenAPI shows them as one operation: each carries the whole description.
    private static final String FIELDS_DOC = "Fields: email and formId (required), firstName, lastName, company, "
            + "jobTitle, phone (published in E.164; a national number is read as one of country), country (ISO code "
            + "or English name, published as alpha-2), companySize (count or range, published as a band: 1-10, "
            + "11-50, 51-200, 201-500, 501-999, 1000-4999, 5000-9999, 10000+), industry, region (ISO 3166-2 "
            + "subdivision code, CA or US-CA, published as CA), postalCode, consentMarketing with "
            + "consentTextVersion (recorded as proof of consent with its time), utmSource|utm_source (and the other "
            + "utm fields), pageUrl, referrer, anonymousId. A returning email keeps its leadId, and its profile: a "
            + "later submission adds and updates fields but never erases one. The formId must be registered "
            + "(/api/v1/forms); the form's rules apply: required fields, hidden defaults, allowed redirect targets and "
            + "origins, consent text version. A submission filling the form's honeypot field, or sent faster than "
            + "its minimum fill time (lfFillMs, set by /leadflow.js), is answered like a success but not captured.";
    private static final String FORM_EXAMPLE = "email=ada%40example.com&formId=newsletter&consentMarketing=on"
            + "&consentTextVersion=newsletter-2026.1&redirectUrl=https%3A%2F%2Fwww.example.com%2Fthanks";
    private static final String LEAD_EXAMPLE = """
            {"email": "ada@example.com", "formId": "demo-request", "firstName": "Ada", "company": "Analytical Engines",
             "jobTitle": "VP Engineering", "phone": "030 1234567", "country": "Germany", "companySize": "1,000+",
             "consentMarketing": true, "consentTextVersion": "privacy-2026.1", "utm_source": "google",
             "pageUrl": "https://www.example.com/pricing"}""";
    private static final String ACCEPTED_EXAMPLE = """
            {"leadId": "6f1c1f56-4a8e-4d7b-9d55-0b4a9d7e2c11", "status": "accepted"}""";
    private static final String INVALID_EXAMPLE = """
            {"type": "urn:leadflow:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields broke a rule; nothing was accepted", "instance": "/api/v1/leads",
             "errors": [{"field": "phone", "rule": "phone", "message": "must be a valid phone number, in \
            international form (+44 20 7946 0958) unless country is given"},
                        {"field": "companySize", "rule": "companySize", "message": "must be a head count or range, \
            e.g. 50, 201-500 or 1000+"}]}""";
    private static final String ORIGIN_EXAMPLE = """
            {"type": "urn:leadflow:problem:origin-not-allowed", "title": "Origin not allowed", "status": 403,
             "detail": "This form does not accept submissions from pages of this origin; nothing was accepted",
             "instance": "/api/v1/leads",
             "errors": [{"field": "Origin", "rule": "allowedOrigin", "message": "must be an origin this form allows"}]}""";
    private static final String IDEMPOTENCY_KEY_DOC = "Optional; a retry with the same key and body within 24 h "
            + "answers as the first request and captures nothing new";

    private final LeadIntake intake;
    private final RequestBodies bodies;
    private final IdempotentRequests idempotent;

    LeadResource(LeadIntake intake, RequestBodies bodies, IdempotentRequests idempotent) {
        this.intake = intake;
        this.bodies = bodies;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a lead from a JSON form submission",
            description = FIELDS_DOC)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "lead", value = LEAD_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Stored durably; lead.captured will be published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "accepted", value = ACCEPTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json listing each), an unknown formId, "
            + "a redirectUrl the form does not allow, or malformed JSON",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The form does not allow the request's Origin (problem+json)",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "origin", value = ORIGIN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "415", description = "Unsupported content type")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    @APIResponse(responseCode = "429", description = "Rate limit of the client address or the form used up; "
            + "Retry-After gives the seconds until it frees")
    public Response captureJson(String body, @Parameter(description = IDEMPOTENCY_KEY_DOC)
            @HeaderParam(IdempotentRequests.HEADER) String key, @Parameter(description = ORIGIN_DOC)
            @HeaderParam(ORIGIN) String origin) {
        return idempotent.run(SCOPE, key, IdempotencyKeys.fingerprint(MediaType.APPLICATION_JSON, body),
                () -> intake.accept(bodies.jsonObject(body), origin, false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a lead from a plain HTML form",
            description = FIELDS_DOC + " As a plain HTML form: the same fields, form-encoded; a checkbox's \"on\" "
                    + "counts as true. With redirectUrl the browser is sent there (303) instead of receiving JSON.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            examples = @ExampleObject(name = "form", value = FORM_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Stored durably; lead.captured will be published")
    @APIResponse(responseCode = "303", description = "Stored durably; the browser is sent to redirectUrl")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json listing each), an unknown formId "
            + "or a redirectUrl the form does not allow")
    @APIResponse(responseCode = "403", description = "The form does not allow the request's Origin")
    public Response captureForm(String body, @Parameter(description = IDEMPOTENCY_KEY_DOC)
            @HeaderParam(IdempotentRequests.HEADER) String key, @Parameter(description = ORIGIN_DOC)
            @HeaderParam(ORIGIN) String origin) {
        return idempotent.run(SCOPE, key, IdempotencyKeys.fingerprint(MediaType.APPLICATION_FORM_URLENCODED, body),
                () -> intake.accept(bodies.form(body), origin, true));
    }
}
