package dev.leadflow.capture.validation;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The rules of one field, applied in order. An absent field passes every rule but {@link #required}; a present
 * one is checked against every rule, so all of its broken rules are reported, and {@link #value} is then null.
 */
public final class FieldCheck {

    private final FieldReader reader;
    private final String name;
    private String value;
    private boolean failed;

    FieldCheck(FieldReader reader, String name, String value) {
        this.reader = reader;
        this.name = name;
        this.value = value;
    }

    static FieldCheck failed(FieldReader reader, String name) {
        FieldCheck check = new FieldCheck(reader, name, null);
        check.failed = true;
        return check;
    }

    public FieldCheck required() {
        if (value == null && !failed) {
            fail("required", "is required");
        }
        return this;
    }

    public FieldCheck maxLength(int max) {
        return check(v -> Text.length(v) <= max, "maxLength", "must be at most " + max + " characters");
    }

    public FieldCheck matches(Pattern pattern, String message) {
        return check(v -> pattern.matcher(v).matches(), "pattern", message);
    }

    /** An absolute http(s) URL of at most {@link HttpUrl#MAX_LENGTH} characters. */
    public FieldCheck httpUrl() {
        return maxLength(HttpUrl.MAX_LENGTH).check(HttpUrl::isAbsoluteHttp, "url", "must be an absolute http(s) URL");
    }

    /** Reports {@code rule} with {@code message} when the present value does not satisfy {@code test}. */
    public FieldCheck check(Predicate<String> test, String rule, String message) {
        if (value != null && !test.test(value)) {
            fail(rule, message);
        }
        return this;
    }

    /** Rewrites the present value (e.g. lower-cases it) for the rules that follow and for {@link #value}. */
    public FieldCheck normalise(UnaryOperator<String> normaliser) {
        if (value != null) {
            value = normaliser.apply(value);
        }
        return this;
    }

    /** The normalised value; null when absent or when any rule failed. */
    public String value() {
        return failed ? null : value;
    }

    /**
     * Converts the value with {@code parser} (empty = not convertible, reported as {@code rule}); null when absent,
     * not convertible, or when an earlier rule failed.
     */
    public <T> T parse(Function<String, Optional<T>> parser, String rule, String message) {
        if (failed || value == null) {
            return null;
        }
        Optional<T> parsed = parser.apply(value);
        if (parsed.isEmpty()) {
            fail(rule, message);
            return null;
        }
        return parsed.get();
    }

    /** True when the client gave no value at all (as opposed to a value that broke a rule). */
    public boolean isAbsent() {
        return value == null && !failed;
    }

    public String name() {
        return name;
    }

    private void fail(String rule, String message) {
        failed = true;
        reader.reject(name, rule, message);
    }
}
