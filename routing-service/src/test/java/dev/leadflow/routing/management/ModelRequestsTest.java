package dev.leadflow.routing.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.routing.model.ModelDocument;
import dev.leadflow.routing.model.ModelDocument.RepDoc;
import dev.leadflow.routing.model.ModelDocument.RuleDoc;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ModelRequestsTest {

    @Test
    void takesTheIdFromThePathWhenTheBodyLeavesItOut() {
        RepDoc rep = ModelRequests.item("""
                {"name": "Dave", "email": "dave@corp.example", "weight": 50,
                 "outOfOffice": [{"from": "2026-12-24T00:00:00Z", "until": "2027-01-02T00:00:00Z"}]}""",
                ModelCollection.REPS, "dave");

        assertThat(rep.id()).isEqualTo("dave");
        assertThat(rep.weight()).isEqualTo(50);
        assertThat(rep.outOfOffice()).hasSize(1);
    }

    @Test
    void ignoresTheVersionAGetAnswerCarries() {
        RepDoc rep = ModelRequests.item("{\"version\": 7, \"id\": \"dave\", \"name\": \"Dave\"}",
                ModelCollection.REPS, "dave");

        assertThat(rep.name()).isEqualTo("Dave");
    }

    @Test
    void refusesAnIdThatDiffersFromThePath() {
        assertRejected(() -> ModelRequests.item("{\"id\": \"eve\"}", ModelCollection.REPS, "dave"),
                "id", "matches-path", "'eve' differs from the path's id 'dave'");
    }

    @Test
    void refusesAnUnknownFieldInsteadOfDroppingIt() {
        assertRejected(() -> ModelRequests.item("{\"wieght\": 50}", ModelCollection.REPS, "dave"),
                "wieght", "known-field", null);
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongType() {
        assertRejected(() -> ModelRequests.item("{\"weight\": \"heavy\"}", ModelCollection.REPS, "dave"),
                "weight", "type", "has the wrong type (expected Integer)");
    }

    @Test
    void namesTheListPositionOfABrokenItem() {
        assertRejected(() -> ModelRequests.items("[{\"id\": \"a\"}, {\"id\": \"b\", \"when\": {\"minScore\": []}}]",
                ModelCollection.RULES), "rules[1].when.minScore", "type", null);
        assertRejected(() -> ModelRequests.items("[{\"id\": \"a\"}, null]", ModelCollection.RULES),
                "rules[1]", "type", "must be an object");
    }

    @Test
    void refusesAnEmptyOrMalformedBody() {
        assertRejected(() -> ModelRequests.item("  ", ModelCollection.TEAMS, "emea"), "body", "required", "is empty");
        assertRejected(() -> ModelRequests.item("{\"name\": ", ModelCollection.TEAMS, "emea"), "body", "syntax",
                null);
        assertRejected(() -> ModelRequests.item("[]", ModelCollection.TEAMS, "emea"), "team", "type",
                "must be a JSON object");
    }

    @Test
    void readsAListAsAnArrayOrAsTheAnswerOfAGet() {
        List<RuleDoc> fromArray = ModelRequests.items("[{\"id\": \"a\"}, {\"id\": \"b\"}]", ModelCollection.RULES);
        List<RuleDoc> fromAnswer = ModelRequests.items("{\"version\": 3, \"items\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}",
                ModelCollection.RULES);

        assertThat(fromArray).extracting(RuleDoc::id).containsExactly("a", "b");
        assertThat(fromAnswer).isEqualTo(fromArray);
        assertRejected(() -> ModelRequests.items("{\"id\": \"a\"}", ModelCollection.RULES), "rules", "type",
                "must be a JSON array of rules");
    }

    @Test
    void readsAWholeDocumentInJsonOrYaml() {
        ModelDocument json = ModelRequests.document("""
                {"version": 4, "defaultQueue": "triage", "teams": [{"id": "emea"}]}""");
        ModelDocument yaml = ModelRequests.document("""
                defaultQueue: triage
                teams:
                  - id: emea
                """);

        assertThat(json).isEqualTo(yaml);
        assertThat(json.defaultQueue()).isEqualTo("triage");
    }

    @Test
    void tellsADraftOfRulesOnlyFromAWholeDocument() {
        ModelRequests.Draft array = ModelRequests.draft("[{\"id\": \"a\"}]");
        ModelRequests.Draft rulesObject = ModelRequests.draft("{\"rules\": [{\"id\": \"a\"}]}");
        ModelRequests.Draft document = ModelRequests.draft("{\"defaultQueue\": \"triage\", \"rules\": [{\"id\": \"a\"}]}");

        assertThat(array.document()).isNull();
        assertThat(array.rules()).extracting(RuleDoc::id).containsExactly("a");
        assertThat(rulesObject).isEqualTo(array);
        assertThat(document.rules()).isNull();
        assertThat(document.document().defaultQueue()).isEqualTo("triage");
        assertRejected(() -> ModelRequests.draft("42"), "document", "type",
                "must be a routing model document or a list of rules");
    }

    private static void assertRejected(ThrowingCallable call, String field, String rule, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ModelChangeRejected.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).field()).isEqualTo(field);
            assertThat(e.errors().get(0).rule()).isEqualTo(rule);
            if (message != null) {
                assertThat(e.errors().get(0).message()).isEqualTo(message);
            }
        });
    }
}
