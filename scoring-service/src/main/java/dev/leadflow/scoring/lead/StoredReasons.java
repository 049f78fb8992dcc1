package dev.leadflow.scoring.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.events.ScoreReason;
import java.util.List;

/**
 * Score reasons as stored in the {@code reasons} JSON columns. The entities keep the JSON text, not the list: Hibernate
 * snapshots and dirty-checks a JSON-mapped object by writing it out and reading it back on every load, which cost a
 * tenth of scoring's time per event. The mapper is the one Hibernate used for these columns (a plain
 * {@code ObjectMapper} with the modules on the classpath), so rows written before read the same.
 */
final class StoredReasons {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<List<ScoreReason>> REASONS = new TypeReference<>() {
    };

    private StoredReasons() {
    }

    static String write(List<ScoreReason> reasons) {
        if (reasons == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Score reasons are not serialisable", e);
        }
    }

    static List<ScoreReason> read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored score reasons are not readable", e);
        }
    }
}
