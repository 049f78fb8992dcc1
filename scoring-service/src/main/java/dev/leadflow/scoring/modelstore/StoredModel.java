package dev.leadflow.scoring.modelstore;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One accepted scoring model, as it was given; never changed once written. */
@Entity
@Table(name = "scoring_model")
public class StoredModel {

    @Id
    private Integer version;
    private String document;
    private String format;
    private String label;
    private String source;
    private Instant createdAt;
    private String createdBy;

    protected StoredModel() {
    }

    StoredModel(int version, ModelDocument document, String label, String source, Instant createdAt,
            String createdBy) {
        this.version = version;
        this.document = document.text();
        this.format = document.format().key();
        this.label = label;
        this.source = source;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** The store's number for the model: 1, 2, 3, ... in the order they were accepted; events carry it. */
    public int version() {
        return version;
    }

    public ModelDocument document() {
        return new ModelDocument(document, ModelFormat.byKey(format));
    }

    /** The document's own {@code version} text, e.g. {@code demo-2026.1}. */
    public String label() {
        return label;
    }

    /** Where the model came from: {@code api}, or {@code file <location>} for the seed. */
    public String source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Who stored it (the token's subject); null for the seed. */
    public String createdBy() {
        return createdBy;
    }
}
