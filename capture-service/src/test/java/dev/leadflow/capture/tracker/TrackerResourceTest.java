package dev.leadflow.capture.tracker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.leadflow.devstack.DevStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class TrackerResourceTest {

    @Test
    void servesTheTrackerAsCacheableJavaScript() {
        given().when().get("/leadflow.js")
                .then().statusCode(200)
                .header("Content-Type", equalTo("text/javascript; charset=utf-8"))
                .header("Cache-Control", equalTo("public, max-age=3600"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("ETag", notNullValue())
                .body(containsString("leadflow_aid"))
                .body(containsString("api/v1/touchpoints"));
    }

    @Test
    void answersARevalidationWithTheCurrentETagWith304() {
        String etag = given().when().get("/leadflow.js").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag)
                .when().get("/leadflow.js")
                .then().statusCode(304)
                .header("Cache-Control", equalTo("public, max-age=3600"))
                .body(emptyString());
        given().header("If-None-Match", "\"an-older-version\"")
                .when().get("/leadflow.js")
                .then().statusCode(200);
    }
}
