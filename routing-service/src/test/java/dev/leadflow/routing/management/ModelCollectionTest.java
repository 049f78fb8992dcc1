package dev.leadflow.routing.management;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.routing.model.ModelDocument;
import dev.leadflow.routing.model.ModelDocument.AccountDoc;
import dev.leadflow.routing.model.ModelDocument.AssignDoc;
import dev.leadflow.routing.model.ModelDocument.RepDoc;
import dev.leadflow.routing.model.ModelDocument.RuleDoc;
import dev.leadflow.routing.model.ModelDocument.TeamDoc;
import dev.leadflow.routing.model.ModelDocument.TerritoryDoc;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCollectionTest {

    private static final ModelDocument DOCUMENT = new ModelDocument("unassigned", "PT5M", List.of("gmail.com"),
            List.of(new TeamDoc("emea", "EMEA")), List.of(rep("anna", 100), rep("ben", 100), rep("cleo", 100)),
            List.of(new AccountDoc("acme", "Acme", List.of("acme.example"), "anna")),
            List.of(new TerritoryDoc("dach", List.of("DE"), null, null)),
            List.of(rule("first"), rule("second")));

    private static RepDoc rep(String id, int weight) {
        return new RepDoc(id, id, id + "@corp.example", null, List.of("emea"), weight, null, null, null, null, null,
                null);
    }

    private static RuleDoc rule(String id) {
        return new RuleDoc(id, null, new AssignDoc(null, "emea", null, null), null, null, null);
    }

    @Test
    void replacesAnItemInPlaceSoTheRotationOrderStays() {
        ModelDocument edited = ModelCollection.REPS.put(DOCUMENT, rep("ben", 250));

        assertThat(edited.reps()).extracting(RepDoc::id).containsExactly("anna", "ben", "cleo");
        assertThat(edited.reps().get(1).weight()).isEqualTo(250);
        assertThat(edited.teams()).isEqualTo(DOCUMENT.teams());
        assertThat(edited.rules()).isEqualTo(DOCUMENT.rules());
        assertThat(DOCUMENT.reps().get(1).weight()).as("the original document is untouched").isEqualTo(100);
    }

    @Test
    void appendsANewItemLast() {
        ModelDocument edited = ModelCollection.RULES.put(DOCUMENT, rule("third"));

        assertThat(edited.rules()).extracting(RuleDoc::id).containsExactly("first", "second", "third");
    }

    @Test
    void deletesAnItemAndKeepsTheOthersInOrder() {
        assertThat(ModelCollection.REPS.delete(DOCUMENT, "ben")).hasValueSatisfying(
                edited -> assertThat(edited.reps()).extracting(RepDoc::id).containsExactly("anna", "cleo"));
    }

    @Test
    void deletingAnUnknownItemIsEmpty() {
        assertThat(ModelCollection.TEAMS.delete(DOCUMENT, "apac")).isEmpty();
    }

    @Test
    void replacesTheWholeListInTheGivenOrder() {
        ModelDocument edited = ModelCollection.RULES.replaceAll(DOCUMENT, List.of(rule("second"), rule("first")));

        assertThat(edited.rules()).extracting(RuleDoc::id).containsExactly("second", "first");
        assertThat(edited.reps()).isEqualTo(DOCUMENT.reps());
    }

    @Test
    void findsItemsByIdInEveryCollection() {
        assertThat(ModelCollection.REPS.find(DOCUMENT, "cleo")).isPresent();
        assertThat(ModelCollection.TEAMS.find(DOCUMENT, "emea")).isPresent();
        assertThat(ModelCollection.ACCOUNTS.find(DOCUMENT, "acme")).isPresent();
        assertThat(ModelCollection.TERRITORIES.find(DOCUMENT, "dach")).isPresent();
        assertThat(ModelCollection.RULES.find(DOCUMENT, "second")).isPresent();
        assertThat(ModelCollection.RULES.find(DOCUMENT, "third")).isEmpty();
    }

    @Test
    void treatsAnAbsentListAsEmpty() {
        ModelDocument bare = new ModelDocument(null, null, null, null, null, null, null, null);

        assertThat(ModelCollection.ACCOUNTS.items(bare)).isEmpty();
        assertThat(ModelCollection.TERRITORIES.put(bare, new TerritoryDoc("nordics", List.of("SE"), null, null))
                .territories()).extracting(TerritoryDoc::id).containsExactly("nordics");
    }

    @Test
    void eachEditChangesOnlyItsOwnList() {
        ModelDocument edited = ModelCollection.ACCOUNTS.put(
                ModelCollection.TERRITORIES.put(
                        ModelCollection.TEAMS.put(DOCUMENT, new TeamDoc("apac", null)),
                        new TerritoryDoc("apac", List.of("JP"), null, null)),
                new AccountDoc("globex", "Globex", List.of(), "ben"));

        assertThat(edited.teams()).extracting(TeamDoc::id).containsExactly("emea", "apac");
        assertThat(edited.territories()).extracting(TerritoryDoc::id).containsExactly("dach", "apac");
        assertThat(edited.accounts()).extracting(AccountDoc::id).containsExactly("acme", "globex");
        assertThat(edited.reps()).isEqualTo(DOCUMENT.reps());
        assertThat(edited.rules()).isEqualTo(DOCUMENT.rules());
        assertThat(edited.defaultQueue()).isEqualTo("unassigned");
        assertThat(edited.freeMailDomains()).containsExactly("gmail.com");
    }
}
