package dev.leadflow.capture.form;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The management API of the form registry: CRUD for admins, reads for viewers, nothing for anyone else. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class FormRegistryApiTest {

    private static final String FORMS = "/api/v1/forms";
    private static final String FORM = "/api/v1/forms/{formId}";

    @Test
    void createsReadsReplacesAndDeletesAForm() {
        String formId = uniqueFormId();
        as(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Contact", "allowedOrigins", List.of("HTTPS://www.example.com"),
                        "requiredFields", List.of("company"), "minFillTime", "PT3S",
                        "hiddenDefaults", Map.of("utm_medium", "web")))
                .put(FORM, formId)
                .then().statusCode(201)
                .header("Location", endsWith(FORMS + "/" + formId))
                .body("formId", equalTo(formId))
                .body("allowedOrigins", equalTo(List.of("https://www.example.com")))
                .body("hiddenDefaults", equalTo(Map.of("utmMedium", "web")))
                .body("minFillTime", equalTo("PT3S"))
                .body("version", equalTo(1))
                .body("updatedAt", notNullValue());

        as(TestTokens.viewer()).get(FORM, formId)
                .then().statusCode(200)
                .body("name", equalTo("Contact"))
                .body("requiredFields", equalTo(List.of("company")))
                .body("version", equalTo(1));
        as(TestTokens.viewer()).get(FORMS)
                .then().statusCode(200)
                .body("formId", hasItems(formId, "demo-request", "newsletter"));

        as(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("formId", formId, "name", "Contact us"))
                .put(FORM, formId)
                .then().statusCode(200)
                .body("name", equalTo("Contact us"))
                .body("version", equalTo(2))
                .body("$", not(hasKey("honeypotField")))
                .body("requiredFields", equalTo(List.of()));

        as(TestTokens.admin()).delete(FORM, formId).then().statusCode(204);
        as(TestTokens.admin()).get(FORM, formId)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:unknown-form"));
        as(TestTokens.admin()).delete(FORM, formId).then().statusCode(404);
    }

    @Test
    void refusesAnInvalidDefinitionNamingEachFieldAndRuleAndStoresNothing() {
        String formId = uniqueFormId();
        as(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("allowedOrigins", List.of("https://www.example.com/landing"),
                        "requiredFields", List.of("company", "favouriteColour"), "minFillTime", "3 seconds",
                        "honeypotField", "email", "hiddenDefaults", Map.of("country", "Atlantis"),
                        "allowedRedirect", List.of()))
                .put(FORM, formId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:validation"))
                .body("instance", equalTo(FORMS + "/" + formId))
                .body("errors.field", equalTo(List.of("allowedRedirect", "name", "allowedOrigins[0]",
                        "requiredFields[1]", "honeypotField", "minFillTime", "hiddenDefaults.country")))
                .body("errors.rule", equalTo(List.of("unknownField", "required", "origin", "knownField",
                        "reservedName", "duration", "country")));

        as(TestTokens.admin()).get(FORM, formId).then().statusCode(404);
    }

    @Test
    void refusesABodyThatIsNoJsonObject() {
        as(TestTokens.admin()).contentType(ContentType.JSON).body("[1, 2]").put(FORM, uniqueFormId())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:malformed-body"));
    }

    @Test
    void answersWithoutOrWithABadTokenWith401AndChangesNothing() {
        String formId = createdForm("Before");
        for (RequestSpecification request : List.of(given(), as("not-a-jwt"), as(TestTokens.expiredViewer()),
                as(TestTokens.viewerSignedByAnotherKey()))) {
            request.contentType(ContentType.JSON).body(Map.of("name", "After")).put(FORM, formId)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("urn:leadflow:problem:unauthorized"))
                    .body("status", equalTo(401));
        }
        given().delete(FORM, formId).then().statusCode(401).contentType("application/problem+json");
        given().get(FORMS).then().statusCode(401).contentType("application/problem+json");
        given().get(FORM, formId).then().statusCode(401).contentType("application/problem+json");

        as(TestTokens.viewer()).get(FORM, formId).then().statusCode(200)
                .body("name", equalTo("Before"))
                .body("version", equalTo(1));
    }

    @Test
    void letsOnlyAdminsChangeFormsWith403ForOthersAndChangesNothing() {
        String formId = createdForm("Before");
        for (String token : List.of(TestTokens.viewer(), TestTokens.withGroups("marketing"))) {
            as(token).contentType(ContentType.JSON).body(Map.of("name", "After")).put(FORM, formId)
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:leadflow:problem:forbidden"));
            as(token).delete(FORM, formId).then().statusCode(403).contentType("application/problem+json");
        }
        as(TestTokens.withGroups("marketing")).get(FORM, formId).then().statusCode(403);
        as(TestTokens.withGroups()).get(FORMS).then().statusCode(403);

        as(TestTokens.admin()).get(FORM, formId).then().statusCode(200)
                .body("name", equalTo("Before"))
                .body("version", equalTo(1));
    }

    @Test
    void checksTheTokenBeforeTheInput() {
        given().contentType(ContentType.JSON).body("{not json").put(FORM, "bad id!")
                .then().statusCode(401);
        as(TestTokens.viewer()).contentType(ContentType.JSON).body("{not json").put(FORM, "bad id!")
                .then().statusCode(403);
    }

    @Test
    void leavesIntakeTrackerAndOperationsPublic() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "public-" + UUID.randomUUID() + "@example.com", "formId", "newsletter"))
                .header("Authorization", "Bearer not-a-jwt")
                .post("/api/v1/leads").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("type", "page_view", "anonymousId", "public-check"))
                .post("/api/v1/touchpoints").then().statusCode(202);
        for (String path : List.of("/leadflow.js", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi")) {
            given().get(path).then().statusCode(200);
        }
    }

    @Test
    void documentsTheRegistryWithExamplesAndItsBearerScheme() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey(FORMS))
                .body("paths", hasKey(FORM))
                .body("paths.'/api/v1/forms/{formId}'.put.requestBody.content.'application/json'.examples.form.value",
                        notNullValue())
                .body("paths.'/api/v1/forms/{formId}'.put.responses.'400'.content.'application/problem+json'.examples",
                        hasKey("invalid"))
                .body("components.securitySchemes", hasKey("bearer"))
                .body("paths.'/api/v1/leads'.post.responses", hasKey("403"))
                .body("paths.'/api/v1/leads'.post.description", containsString("registered"));
    }

    @Test
    void shipsTheDemoForms() {
        as(TestTokens.viewer()).get(FORMS)
                .then().statusCode(200)
                .body("formId", hasItems("demo-request", "demo", "newsletter", "webinar", "ebook", "contact",
                        "benchmark"))
                .body("find { it.formId == 'benchmark' }.allowedOrigins", equalTo(List.of()))
                .body("find { it.formId == 'benchmark' }.minFillTime", equalTo("PT0S"))
                .body("find { it.formId == 'demo-request' }.allowedOrigins", equalTo(List.of()))
                .body("formId", not(hasItem("ops")));
    }

    private static String createdForm(String name) {
        String formId = uniqueFormId();
        as(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("name", name)).put(FORM, formId)
                .then().statusCode(201);
        return formId;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String uniqueFormId() {
        return "api-" + UUID.randomUUID();
    }
}
