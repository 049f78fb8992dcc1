package dev.leadflow.capture.form;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.capture.CaptureConfig;
import dev.leadflow.capture.validation.FieldError;
import dev.leadflow.capture.validation.Validated;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies the seed file ({@code leadflow.capture.forms.seed}) at start-up: each form in it is created unless its
 * formId is registered already, so a form an administrator changed (or re-created) is never overwritten. A seed
 * that does not parse or holds an invalid form stops the start, naming the form, field and rule.
 */
@ApplicationScoped
class FormSeed {

    private static final Logger LOG = Logger.getLogger(FormSeed.class);
    private static final String CLASSPATH = "classpath:";

    private final FormRegistry registry;
    private final FormDefinitionParser parser;
    private final ObjectMapper objectMapper;
    private final CaptureConfig config;

    FormSeed(FormRegistry registry, FormDefinitionParser parser, ObjectMapper objectMapper, CaptureConfig config) {
        this.registry = registry;
        this.parser = parser;
        this.objectMapper = objectMapper;
        this.config = config;
    }

    void apply(@Observes StartupEvent started) {
        config.forms().seed().filter(location -> !location.isBlank()).ifPresent(this::apply);
    }

    void apply(String location) {
        List<FormDefinition> forms = read(location).stream().map(this::validated).toList();
        long created = forms.stream().filter(registry::createIfAbsent).count();
        LOG.infof("Form seed %s: %d of %d forms created, the others were registered already", location, created,
                forms.size());
    }

    private FormDefinition validated(Map<String, Object> form) {
        Object formId = form.get("formId");
        Validated<FormDefinition> parsed = parser.parse(formId instanceof String id ? id : "", form);
        return parsed.valueOrThrow(errors -> new IllegalStateException("Invalid form " + formId + " in the form "
                + "seed: " + errors.stream().map(FormSeed::describe).collect(Collectors.joining(", "))));
    }

    private static String describe(FieldError error) {
        return error.field() + " (" + error.rule() + ": " + error.message() + ")";
    }

    private List<Map<String, Object>> read(String location) {
        try (InputStream in = open(location)) {
            return objectMapper.readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the form seed " + location
                    + " (a JSON array of form definitions)", e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (!location.startsWith(CLASSPATH)) {
            return Files.newInputStream(Path.of(location));
        }
        String resource = location.substring(CLASSPATH.length());
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("No class path resource " + resource);
        }
        return in;
    }
}
