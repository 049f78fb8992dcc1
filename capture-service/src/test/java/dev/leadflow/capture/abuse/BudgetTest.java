package dev.leadflow.capture.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.capture.abuse.IntakeRejections.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void givesAWellFormedFormIdItsOwnBudgetAsSent() {
        assertThat(Budget.leadsOfForm("demo-request", 10)).contains(
                new Budget("capture:rate:leads:form:demo-request", 10, Reason.FORM_RATE_LIMIT));
        assertThat(Budget.leadsOfForm("Demo_2", 10).orElseThrow().key()).isEqualTo("capture:rate:leads:form:Demo_2");
        assertThat(Budget.leadsOfForm("x".repeat(64), 10)).isPresent();
    }

    @Test
    void givesNoBudgetToAFormIdValidationRefuses() {
        for (Object formId : List.of("", "x".repeat(65), "demo request", "demo:request", "*", "démo", 42, true,
                Map.of("a", 1), List.of("demo"))) {
            assertThat(Budget.leadsOfForm(formId, 10)).as(String.valueOf(formId)).isEmpty();
        }
        assertThat(Budget.leadsOfForm(null, 10)).isEmpty();
    }

    @Test
    void keepsLeadAndTouchpointBudgetsOfAClientApart() {
        Budget leads = Budget.leadsOfClient("198.51.100.1", 30);
        Budget touchpoints = Budget.touchpointsOfClient("198.51.100.1", 1200);
        assertThat(leads.key()).isEqualTo("capture:rate:leads:client:198.51.100.1");
        assertThat(touchpoints.key()).isEqualTo("capture:rate:touchpoints:client:198.51.100.1");
        assertThat(leads.reason()).isEqualTo(touchpoints.reason()).isEqualTo(Reason.CLIENT_RATE_LIMIT);
    }
}
