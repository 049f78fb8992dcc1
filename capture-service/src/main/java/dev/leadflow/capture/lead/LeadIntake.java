package dev.leadflow.capture.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.capture.abuse.IntakeRejections;
import dev.leadflow.capture.abuse.IntakeRejections.Reason;
import dev.leadflow.capture.abuse.RateLimits;
import dev.leadflow.capture.form.FormDefinition;
import dev.leadflow.capture.form.FormDefinition.BotSignal;
import dev.leadflow.capture.form.FormDefinitionParser;
import dev.leadflow.capture.form.FormFields;
import dev.leadflow.capture.form.FormRegistry;
import dev.leadflow.capture.form.RegisteredForm;
import dev.leadflow.capture.idempotency.Answer;
import dev.leadflow.capture.rest.Problems;
import dev.leadflow.capture.validation.FieldError;
import dev.leadflow.capture.validation.Validated;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A form submission through the rate limits of its client and form (429), then its form's rules: the registered
 * form (400 when unknown), its allowed origins (403),
 * hidden defaults, intake's validation with the form's required fields and redirect targets (400 naming every broken
 * rule), then its bot checks (honeypot, minimum fill time), and the capture.
 */
@ApplicationScoped
public class LeadIntake {

    private final FormRegistry forms;
    private final LeadSubmissionParser parser;
    private final LeadCapture capture;
    private final IntakeRejections rejections;
    private final RateLimits rateLimits;
    private final ObjectMapper objectMapper;

    LeadIntake(FormRegistry forms, LeadSubmissionParser parser, LeadCapture capture, IntakeRejections rejections,
            RateLimits rateLimits, ObjectMapper objectMapper) {
        this.forms = forms;
        this.rateLimits = rateLimits;
        this.parser = parser;
        this.capture = capture;
        this.rejections = rejections;
        this.objectMapper = objectMapper;
    }

    /**
     * @param origin   the request's {@code Origin} header; null when absent (a server, curl, some same-origin posts)
     * @param htmlForm true for a plain HTML form post, which is redirected when it names a {@code redirectUrl}
     */
    public Answer accept(Map<String, ?> fields, String origin, boolean htmlForm) {
        // First: a flood of unknown or invalid submissions spends the client's budget like any other.
        rateLimits.admitLead(fields.get("formId"));
        String formId = FormFields.value(fields, "formId");
        // A malformed formId is reported by validation below, with the submission's other errors.
        boolean wellFormedId = formId != null && FormDefinitionParser.FORM_ID.matcher(formId).matches();
        Optional<FormDefinition> form = wellFormedId
                ? forms.find(formId).map(RegisteredForm::definition) : Optional.empty();
        if (form.isPresent() && !form.get().allowsOrigin(origin)) {
            rejections.count(Reason.ORIGIN_NOT_ALLOWED);
            throw Problems.originNotAllowed();
        }
        Map<String, ?> completed = form.isPresent() ? form.get().withDefaults(fields) : fields;
        Validated<LeadSubmission> parsed = parser.parse(completed);
        List<FieldError> errors = new ArrayList<>(parsed instanceof Validated.Invalid<LeadSubmission> invalid
                ? invalid.errors() : List.of());
        form.ifPresent(f -> errors.addAll(f.check(completed)));
        boolean unknownForm = wellFormedId && form.isEmpty();
        if (unknownForm) {
            errors.add(new FieldError("formId", "registeredForm", "must be the formId of a registered form"));
        }
        if (!errors.isEmpty()) {
            rejections.count(unknownForm ? Reason.UNKNOWN_FORM : Reason.INVALID);
            throw Problems.invalid(errors);
        }
        // Valid, so the form is registered: a missing, malformed or unknown formId broke a rule above.
        LeadSubmission submission = ((Validated.Valid<LeadSubmission>) parsed).value();
        Optional<BotSignal> bot = form.get().botSignal(completed);
        if (bot.isPresent()) {
            // Answered as a success would be, so a bot cannot tell it was caught; nothing is stored or published.
            rejections.count(bot.get() == BotSignal.HONEYPOT ? Reason.HONEYPOT : Reason.TOO_FAST);
            return success(UUID.randomUUID(), submission, htmlForm);
        }
        return success(capture.capture(submission).leadId(), submission, htmlForm);
    }

    private Answer success(UUID leadId, LeadSubmission submission, boolean htmlForm) {
        if (htmlForm && submission.redirectUrl() != null) {
            return Answer.seeOther(submission.redirectUrl());
        }
        return Answer.accepted(objectMapper.valueToTree(new LeadAccepted(leadId, "accepted")));
    }

    /** The answer to an accepted submission. */
    public record LeadAccepted(UUID leadId, String status) {
    }
}
