package dev.leadflow.capture.form;

import dev.leadflow.capture.CaptureConfig;
import dev.leadflow.capture.form.FormRepository.Saved;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registered forms. Intake looks forms up in an in-memory copy of the whole registry (one query per
 * {@code leadflow.capture.forms.cache-ttl}, however many submissions and whatever formIds they carry), so capture
 * instances see a change within that time; a change made through this instance applies here at once. The
 * management API reads and writes the database directly.
 */
@ApplicationScoped
public class FormRegistry {

    private final FormRepository repository;
    private final long ttlNanos;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    FormRegistry(FormRepository repository, CaptureConfig config) {
        this.repository = repository;
        this.ttlNanos = config.forms().cacheTtl().toNanos();
    }

    /** The form intake applies to a submission with this formId, as of at most the cache TTL ago. */
    public Optional<RegisteredForm> find(String formId) {
        return Optional.ofNullable(current().forms().get(formId));
    }

    public List<RegisteredForm> list() {
        return repository.all();
    }

    public Optional<RegisteredForm> get(String formId) {
        return repository.find(formId);
    }

    /** Creates or replaces the form; {@link Saved#created()} tells which. */
    public Saved put(FormDefinition form) {
        try {
            return repository.put(form);
        } finally {
            invalidate();
        }
    }

    public boolean delete(String formId) {
        try {
            return repository.delete(formId);
        } finally {
            invalidate();
        }
    }

    /** Creates the form unless its formId is taken: the seed never overwrites an administrator's change. */
    boolean createIfAbsent(FormDefinition form) {
        try {
            return repository.createIfAbsent(form);
        } finally {
            invalidate();
        }
    }

    private void invalidate() {
        changes.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current != null && !current.olderThan(ttlNanos)) {
            return current;
        }
        synchronized (this) {
            // Another thread may have reloaded while this one waited: one query per expiry, not one per waiter.
            current = snapshot;
            if (current == null || current.olderThan(ttlNanos)) {
                long startedAt = System.nanoTime();
                long changesBefore = changes.get();
                current = new Snapshot(repository.all().stream().collect(Collectors.toUnmodifiableMap(
                        form -> form.definition().formId(), Function.identity())), startedAt);
                // A copy read while this instance changed a form may miss the change: it serves this caller only.
                if (changes.get() == changesBefore) {
                    snapshot = current;
                }
            }
            return current;
        }
    }

    private record Snapshot(Map<String, RegisteredForm> forms, long loadedAtNanos) {

        boolean olderThan(long ttlNanos) {
            return System.nanoTime() - loadedAtNanos >= ttlNanos;
        }
    }
}
