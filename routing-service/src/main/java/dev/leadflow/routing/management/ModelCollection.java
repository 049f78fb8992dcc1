package dev.leadflow.routing.management;

import dev.leadflow.routing.model.ModelDocument;
import dev.leadflow.routing.model.ModelDocument.AccountDoc;
import dev.leadflow.routing.model.ModelDocument.RepDoc;
import dev.leadflow.routing.model.ModelDocument.RuleDoc;
import dev.leadflow.routing.model.ModelDocument.TeamDoc;
import dev.leadflow.routing.model.ModelDocument.TerritoryDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One list of the routing model document (reps, teams, accounts, territories, rules) and the pure edits the
 * management API makes to it. Every edit returns a new document: versions are immutable, and the caller checks the
 * whole result before storing it. Order is kept (it is the round robin order of reps and the evaluation order of
 * rules): a replaced item keeps its place, a new one is appended.
 */
public final class ModelCollection<T> {

    public static final ModelCollection<RepDoc> REPS = new ModelCollection<>("reps", "rep", RepDoc.class,
            RepDoc::id, ModelDocument::reps, (d, reps) -> new ModelDocument(d.defaultQueue(),
                    d.defaultFirstContactSla(), d.freeMailDomains(), d.teams(), reps, d.accounts(), d.territories(),
                    d.rules()));
    public static final ModelCollection<TeamDoc> TEAMS = new ModelCollection<>("teams", "team", TeamDoc.class,
            TeamDoc::id, ModelDocument::teams, (d, teams) -> new ModelDocument(d.defaultQueue(),
                    d.defaultFirstContactSla(), d.freeMailDomains(), teams, d.reps(), d.accounts(), d.territories(),
                    d.rules()));
    public static final ModelCollection<AccountDoc> ACCOUNTS = new ModelCollection<>("accounts", "account",
            AccountDoc.class, AccountDoc::id, ModelDocument::accounts, (d, accounts) -> new ModelDocument(
                    d.defaultQueue(), d.defaultFirstContactSla(), d.freeMailDomains(), d.teams(), d.reps(), accounts,
                    d.territories(), d.rules()));
    public static final ModelCollection<TerritoryDoc> TERRITORIES = new ModelCollection<>("territories",
            "territory", TerritoryDoc.class, TerritoryDoc::id, ModelDocument::territories,
            (d, territories) -> new ModelDocument(d.defaultQueue(), d.defaultFirstContactSla(), d.freeMailDomains(),
                    d.teams(), d.reps(), d.accounts(), territories, d.rules()));
    public static final ModelCollection<RuleDoc> RULES = new ModelCollection<>("rules", "rule", RuleDoc.class,
            RuleDoc::id, ModelDocument::rules, (d, rules) -> new ModelDocument(d.defaultQueue(),
                    d.defaultFirstContactSla(), d.freeMailDomains(), d.teams(), d.reps(), d.accounts(),
                    d.territories(), rules));

    private final String name;
    private final String kind;
    private final Class<T> type;
    private final Function<T, String> id;
    private final Function<ModelDocument, List<T>> items;
    private final BiFunction<ModelDocument, List<T>, ModelDocument> with;

    private ModelCollection(String name, String kind, Class<T> type, Function<T, String> id,
            Function<ModelDocument, List<T>> items, BiFunction<ModelDocument, List<T>, ModelDocument> with) {
        this.name = name;
        this.kind = kind;
        this.type = type;
        this.id = id;
        this.items = items;
        this.with = with;
    }

    /** The document's field, e.g. {@code reps}. */
    public String name() {
        return name;
    }

    /** One item, e.g. {@code rep}. */
    public String kind() {
        return kind;
    }

    public Class<T> type() {
        return type;
    }

    public String idOf(T item) {
        return id.apply(item);
    }

    public List<T> items(ModelDocument document) {
        List<T> list = items.apply(document);
        return list == null ? List.of() : list;
    }

    public Optional<T> find(ModelDocument document, String itemId) {
        return items(document).stream().filter(item -> itemId.equals(idOf(item))).findFirst();
    }

    /** The document with {@code item} replacing the one of the same id in place, or appended when it is new. */
    public ModelDocument put(ModelDocument document, T item) {
        List<T> list = new ArrayList<>(items(document));
        int at = indexOf(list, idOf(item));
        if (at >= 0) {
            list.set(at, item);
        } else {
            list.add(item);
        }
        return with.apply(document, List.copyOf(list));
    }

    /** The document without the item, or empty when there is no item with this id. */
    public Optional<ModelDocument> delete(ModelDocument document, String itemId) {
        List<T> list = new ArrayList<>(items(document));
        int at = indexOf(list, itemId);
        if (at < 0) {
            return Optional.empty();
        }
        list.remove(at);
        return Optional.of(with.apply(document, List.copyOf(list)));
    }

    /** The document with the whole list replaced (rules: the new evaluation order). */
    public ModelDocument replaceAll(ModelDocument document, List<T> replacement) {
        return with.apply(document, List.copyOf(replacement));
    }

    private int indexOf(List<T> list, String itemId) {
        for (int i = 0; i < list.size(); i++) {
            if (itemId.equals(idOf(list.get(i)))) {
                return i;
            }
        }
        return -1;
    }
}
