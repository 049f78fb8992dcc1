package dev.leadflow.routing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.routing.Qualifications;
import dev.leadflow.routing.Rotation;
import dev.leadflow.routing.assignment.LeadRouter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class RoutingResourcesTest {

    @Inject
    LeadRouter router;

    @Test
    void listsALeadsDecisionsWithOwnersAndReasonsOldestFirst() {
        UUID leadId = UUID.randomUUID();
        LeadQualified first = Qualifications.of(leadId);
        LeadQualified second = Qualifications.of(leadId);
        route(first);
        route(second);

        JsonPath body = given().auth().oauth2(TestTokens.viewer()).get("/api/v1/routing/decisions/{leadId}", leadId)
                .then().statusCode(200).contentType("application/json")
                .body("leadId", equalTo(leadId.toString()))
                .body("decisions", hasSize(2))
                .body("decisions.qualificationId", contains(first.qualificationId().toString(),
                        second.qualificationId().toString()))
                .body("decisions[0].ownerType", equalTo("rep"))
                .body("decisions[0].ruleId", equalTo(Rotation.DEMO_RULE))
                .body("decisions[0].reason", startsWith("rule everyone-else: round robin in team demo: "))
                .body("decisions[0].ownerBookingLink", startsWith("https://meet.leadflow.example/"))
                .body("decisions[0].modelVersion", equalTo(1))
                .body("decisions[0].explanation.account.explanation",
                        equalTo("email domain example.com matches no account; company name 'analytical engines' "
                                + "matches no account"))
                .body("decisions[0].explanation.rules.ruleId",
                        contains("students-to-nurture", "dach-enterprise", "everyone-else"))
                .body("decisions[0].explanation.rules.matched", contains(false, false, true))
                .body("decisions[0].explanation.rules[1].conditions", contains("not in territory dach"))
                .body("decisions[0].explanation.candidates.repId", contains(Rotation.DEMO_REPS.toArray()))
                .body("decisions[0].explanation.candidates.status", everyItem(equalTo("AVAILABLE")))
                .body("decisions[0].explanation.choice", startsWith("round robin in team demo: "))
                .body("decisions[0].candidates", contains(Rotation.DEMO_REPS.toArray()))
                .body("decisions[0].score", equalTo(first.total()))
                .body("decisions[0].slaDueAt", not(nullValue()))
                .extract().jsonPath();
        assertThat(body.getString("decisions[1].ownerId"))
                .isEqualTo(Rotation.after(body.getString("decisions[0].ownerId")));
        assertThat(body.prettify()).doesNotContain(Qualifications.PROFILE.email(), Qualifications.PROFILE.lastName());
    }

    @Test
    void answersNotFoundAsAProblemForALeadNeverRouted() {
        UUID leadId = UUID.randomUUID();

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/routing/decisions/{leadId}", leadId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://leadflow.dev/problems/not-found"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No routing decision for lead " + leadId));
    }

    @Test
    void rejectsAMalformedLeadIdWithAProblemNamingTheField() {
        for (String path : new String[] {"/api/v1/routing/decisions/not-a-uuid", "/api/v1/leads/not-a-uuid/routing-status"}) {
            given().auth().oauth2(TestTokens.viewer()).get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://leadflow.dev/problems/validation"))
                    .body("title", equalTo("Invalid request"))
                    .body("status", equalTo(400))
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("leadId"))
                    .body("errors[0].rule", equalTo("pattern"))
                    .body("errors[0].message", equalTo("must be a UUID"));
        }
    }

    @Test
    void answersUnknownPathsWithAProblemInsteadOfAPage() {
        given().get("/api/v1/routing/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void showsTheCurrentOwnersDisplayNameAndBookingLinkAndNothingElseOnceRouted() {
        UUID leadId = UUID.randomUUID();
        route(Qualifications.of(leadId));

        Map<String, Object> status = given().get("/api/v1/leads/{leadId}/routing-status", leadId)
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath().getMap("");

        assertThat(status).containsOnlyKeys("leadId", "routed", "ownerName", "ownerType", "ownerBookingLink");
        assertThat(status).containsEntry("leadId", leadId.toString()).containsEntry("routed", true)
                .containsEntry("ownerType", "rep");
        assertThat((String) status.get("ownerName")).isIn("Alice Martin", "Bob Chen", "Carol Diaz");
        assertThat((String) status.get("ownerBookingLink")).isIn("https://meet.leadflow.example/alice",
                "https://meet.leadflow.example/bob", "https://meet.leadflow.example/carol");
    }

    @Test
    void letsAThankYouPageOnAnotherOriginReadTheRoutingStatus() {
        UUID leadId = UUID.randomUUID();
        route(Qualifications.of(leadId));

        given().header("Origin", "https://www.customer.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/leads/{leadId}/routing-status", leadId)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://www.customer.example")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("GET"));
        given().header("Origin", "https://www.customer.example")
                .get("/api/v1/leads/{leadId}/routing-status", leadId)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://www.customer.example")
                .body("routed", equalTo(true));
    }

    @Test
    void showsTheOwnerOfTheLatestQualification() {
        UUID leadId = UUID.randomUUID();
        route(Qualifications.of(leadId));
        route(Qualifications.of(leadId));
        String latestOwner = given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/routing/decisions/{leadId}", leadId)
                .then().statusCode(200).extract().jsonPath().getString("decisions[1].ownerName");

        given().get("/api/v1/leads/{leadId}/routing-status", leadId)
                .then().statusCode(200).body("ownerName", equalTo(latestOwner));
    }

    @Test
    void reportsALeadNotYetRoutedAsUnrouted() {
        UUID leadId = UUID.randomUUID();

        given().get("/api/v1/leads/{leadId}/routing-status", leadId)
                .then().statusCode(200)
                .body("leadId", equalTo(leadId.toString()))
                .body("routed", equalTo(false))
                .body("ownerName", nullValue())
                .body("ownerType", nullValue());
    }

    private void route(LeadQualified qualified) {
        QuarkusTransaction.requiringNew().run(() -> router.route(qualified));
    }
}
