package dev.leadflow.messaging;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Test state changed by the test consumer. */
@Entity
@Table(name = "seen_lead")
public class SeenLead {
    @Id
    public UUID eventId;
    public UUID leadId;
}
