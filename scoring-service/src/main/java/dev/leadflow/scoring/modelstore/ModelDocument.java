package dev.leadflow.scoring.modelstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.modelfile.ScoringModelReader;
import java.io.UncheckedIOException;

/** A scoring model as written by its author, in YAML or JSON; {@link #parse} validates it. */
public record ModelDocument(String text, ModelFormat format) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The typed model.
     *
     * @throws dev.leadflow.scoring.modelfile.InvalidScoringModelException listing every problem, each naming its rule
     *         and field
     */
    public ScoringModel parse(String source) {
        return format == ModelFormat.JSON ? ScoringModelReader.readJson(text, source)
                : ScoringModelReader.read(text, source);
    }

    /** The document as a JSON tree (call only on a document {@link #parse} accepted). */
    public JsonNode tree() {
        try {
            return (format == ModelFormat.JSON ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as YAML: its own text when written in YAML (comments kept), else converted. */
    public String yaml() {
        if (format == ModelFormat.YAML) {
            return text;
        }
        try {
            return YAML.writeValueAsString(tree());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
