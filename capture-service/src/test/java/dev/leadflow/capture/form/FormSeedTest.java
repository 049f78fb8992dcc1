package dev.leadflow.capture.form;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed file creates missing forms at start-up and never overwrites one an administrator changed. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class FormSeedTest {

    @Inject
    FormSeed seed;
    @Inject
    FormRegistry registry;

    @TempDir
    Path dir;

    @Test
    void createsMissingFormsAndLeavesRegisteredOnesAsTheyAre() throws IOException {
        String fresh = "seed-" + UUID.randomUUID();
        String edited = "seed-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Edited by an admin", "minFillTime", "PT5S"))
                .put("/api/v1/forms/{formId}", edited).then().statusCode(201);
        Path file = seedFile("""
                [{"formId": "%s", "name": "From the seed", "honeypotField": "website"},
                 {"formId": "%s", "name": "From the seed"}]""".formatted(fresh, edited));

        seed.apply(file.toString());
        seed.apply(file.toString());

        assertThat(registry.get(fresh)).hasValueSatisfying(form -> {
            assertThat(form.definition().name()).isEqualTo("From the seed");
            assertThat(form.definition().honeypotField()).isEqualTo("website");
            assertThat(form.version()).as("applied twice, created once").isEqualTo(1);
        });
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/forms/{formId}", edited)
                .then().statusCode(200)
                .body("name", equalTo("Edited by an admin"))
                .body("minFillTime", equalTo("PT5S"))
                .body("version", equalTo(1));
    }

    @Test
    void refusesASeedWithAnInvalidFormNamingItAndCreatesNothing() throws IOException {
        String good = "seed-" + UUID.randomUUID();
        Path file = seedFile("""
                [{"formId": "%s", "name": "Good"},
                 {"formId": "broken", "name": "Broken", "requiredFields": ["favouriteColour"]}]""".formatted(good));

        assertThatThrownBy(() -> seed.apply(file.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken")
                .hasMessageContaining("requiredFields[0] (knownField");
        assertThat(registry.get(good)).isEmpty();
    }

    @Test
    void refusesASeedThatIsNoListOfForms() throws IOException {
        Path file = seedFile("{\"formId\": \"x\"}");

        assertThatThrownBy(() -> seed.apply(file.toString())).hasMessageContaining("JSON array of form definitions");
    }

    private Path seedFile(String json) throws IOException {
        return Files.writeString(dir.resolve("forms-" + UUID.randomUUID() + ".json"), json);
    }
}
