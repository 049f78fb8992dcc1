package dev.leadflow.attribution.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An anonymous visitor identified as a lead (by a capture that carried its anonymous id). */
@Entity
@Table(name = "identity_link")
public class IdentityLinkEntity extends PanacheEntityBase {
    @Id
    public String anonymousId;
    public UUID leadId;
    public Instant linkedAt;
}
