package dev.leadflow.capture.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.capture.idempotency.Answer;
import dev.leadflow.capture.idempotency.IdempotencyKeys;
import dev.leadflow.capture.idempotency.IdempotentRequests;
import dev.leadflow.capture.lead.LeadIdentityRepository.LeadIdentity;
import dev.leadflow.capture.rest.Problems;
import dev.leadflow.capture.rest.RequestBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/leads}: the public intake of form submissions, as JSON or as a plain HTML form. */
@Path("/api/v1/leads")
@Tag(name = "Leads")
public class LeadResource {

    private static final String SCOPE = "leads";
    private static final String IDEMPOTENCY_KEY_DOC = "Optional; a retry with the same key and body within 24 h "
            + "answers as the first request and captures nothing new";

    private final LeadSubmissionParser parser;
    private final LeadCapture capture;
    private final RequestBodies bodies;
    private final IdempotentRequests idempotent;
    private final ObjectMapper objectMapper;

    LeadResource(LeadSubmissionParser parser, LeadCapture capture, RequestBodies bodies,
            IdempotentRequests idempotent, ObjectMapper objectMapper) {
        this.parser = parser;
        this.capture = capture;
        this.bodies = bodies;
        this.idempotent = idempotent;
        this.objectMapper = objectMapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a lead from a JSON form submission",
            description = "Fields: email and formId (required), firstName, lastName, company, jobTitle, phone, "
                    + "country, companySize, industry, consentMarketing, utmSource|utm_source (and the other utm "
                    + "fields), pageUrl, referrer, anonymousId. A returning email keeps its leadId.")
    @APIResponse(responseCode = "202", description = "Stored durably; lead.captured will be published")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json listing each) or malformed JSON")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "415", description = "Unsupported content type")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public Response captureJson(String body, @Parameter(description = IDEMPOTENCY_KEY_DOC)
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(SCOPE, key, IdempotencyKeys.fingerprint(MediaType.APPLICATION_JSON, body),
                () -> accept(bodies.jsonObject(body), false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a lead from a plain HTML form",
            description = "The fields of the JSON variant, form-encoded; a checkbox's \"on\" counts as true. With "
                    + "redirectUrl the browser is sent there (303) instead of receiving JSON.")
    @APIResponse(responseCode = "202", description = "Stored durably; lead.captured will be published")
    @APIResponse(responseCode = "303", description = "Stored durably; the browser is sent to redirectUrl")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json listing each)")
    public Response captureForm(String body, @Parameter(description = IDEMPOTENCY_KEY_DOC)
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(SCOPE, key, IdempotencyKeys.fingerprint(MediaType.APPLICATION_FORM_URLENCODED, body),
                () -> accept(bodies.form(body), true));
    }

    private Answer accept(Map<String, ?> fields, boolean htmlForm) {
        LeadSubmission submission = parser.parse(fields).valueOrThrow(Problems::invalid);
        LeadIdentity lead = capture.capture(submission);
        if (htmlForm && submission.redirectUrl() != null) {
            return Answer.seeOther(submission.redirectUrl());
        }
        return Answer.accepted(objectMapper.valueToTree(new LeadAccepted(lead.leadId(), "accepted")));
    }

    /** The answer to an accepted submission. */
    public record LeadAccepted(UUID leadId, String status) {
    }
}
