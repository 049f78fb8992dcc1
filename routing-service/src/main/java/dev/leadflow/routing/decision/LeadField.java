package dev.leadflow.routing.decision;

import java.util.function.Function;

/** The lead fields a {@link Condition.FieldIn} can test, with their names in rules and explanations. */
public enum LeadField {
    COUNTRY("country", Lead::country),
    REGION("region", Lead::region),
    COMPANY_SIZE("companySize", Lead::companySize),
    INDUSTRY("industry", Lead::industry),
    EMAIL_DOMAIN("emailDomain", lead -> lead.emailDomain().orElse(null)),
    GRADE("grade", Lead::grade),
    FORM_ID("formId", Lead::formId),
    UTM_SOURCE("utmSource", Lead::utmSource),
    UTM_MEDIUM("utmMedium", Lead::utmMedium),
    UTM_CAMPAIGN("utmCampaign", Lead::utmCampaign);

    private final String label;
    private final Function<Lead, String> value;

    LeadField(String label, Function<Lead, String> value) {
        this.label = label;
        this.value = value;
    }

    /** The field's name as written in rules (YAML) and explanations. */
    public String label() {
        return label;
    }

    String of(Lead lead) {
        return value.apply(lead);
    }
}
